package io.eventdesk.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code report} writes an older run's results anew, identical to the live run's; {@code compare} puts runs side by side. */
class ResultsCommandsTest {
    @TempDir
    Path dir;

    private static Path example(String name) {
        return Path.of("..", "examples", name + ".yaml");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sma-cross-btc", "two-strategies-btc", "execution-eth", "fx-gbpusd", "multi-asset"})
    void shouldWriteTheSameResultsFromTheJournal_whenAFinishedRunIsReported(String name) throws IOException {
        RunFolder run = RunFolder.backtest(example(name), dir.resolve("run"));
        assertThat(run.exitCode).as(run.err).isZero();
        String trades = Files.readString(run.dir.resolve("trades.csv"));
        String statistics = Files.readString(run.dir.resolve("statistics.json"));
        Files.delete(run.dir.resolve("trades.csv"));
        Files.delete(run.dir.resolve("statistics.json"));
        Files.delete(run.dir.resolve("report.html"));

        RunFolder report = RunFolder.cli(run.dir, "report", run.dir.toString());
        assertThat(report.exitCode).as(report.err).isZero();
        assertThat(report.out).contains("win rate").contains("report: ");
        assertThat(Files.readString(run.dir.resolve("trades.csv"))).isEqualTo(trades);
        assertThat(Files.readString(run.dir.resolve("statistics.json"))).isEqualTo(statistics);
        assertThat(run.dir.resolve("report.html")).exists();
    }

    @Test
    void shouldExitTwoNamingTheFile_whenTheFolderHoldsNoFinishedRun() {
        RunFolder report = RunFolder.cli(dir, "report", dir.toString());
        assertThat(report.exitCode).isEqualTo(2);
        assertThat(report.err).contains("summary.json").contains("no finished run here");
    }

    @Test
    void shouldPutTheStatisticsSideBySideAndListTheConfigDifferences_whenTwoRunsAreCompared() throws IOException {
        Path config = dir.resolve("slow.yaml");
        String yaml = Files.readString(example("sma-cross-btc"))
                .replace("slow: 20", "slow: 30")
                .replace(
                        "path: data/",
                        "path: " + Path.of("..", "examples", "data").toAbsolutePath() + "/");
        assertThat(yaml).contains("slow: 30");
        Files.writeString(config, yaml);
        RunFolder a = RunFolder.backtest(example("sma-cross-btc"), dir.resolve("a"));
        RunFolder b = RunFolder.backtest(config, dir.resolve("b"));
        assertThat(a.exitCode).as(a.err).isZero();
        assertThat(b.exitCode).as(b.err).isZero();
        Path page = dir.resolve("compare.html");
        RunFolder c = RunFolder.cli(dir, "compare", a.dir.toString(), b.dir.toString(), "--out", page.toString());
        assertThat(c.exitCode).as(c.err).isZero();
        assertThat(c.out).contains("sharpe").contains("win_rate").contains("strategy.params.slow: 20 | 30");
        assertThat(Files.readString(page)).contains("Runs compared").contains("\"keys\"");
    }
}
