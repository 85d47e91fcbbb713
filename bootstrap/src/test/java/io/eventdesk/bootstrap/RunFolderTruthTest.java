package io.eventdesk.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run folder describes exactly one run and says whether it finished, whatever happened to the one before. */
class RunFolderTruthTest {
    @TempDir
    Path dir;

    private Path config(String name, String dataFile) throws IOException {
        Path c = dir.resolve(name + ".yaml");
        Files.writeString(c, """
                name: %s
                account:
                  initial-cash: 100000
                  base-currency: USD
                instruments:
                  - id: TEST
                    asset-class: equity
                    currency: USD
                    tick-size: 0.01
                data:
                  - instrument: TEST
                    kind: bars
                    path: %s
                strategy:
                  type: sma-cross
                  params: {fast: 2, slow: 3, quantity: 1}
                """.formatted(name, dataFile));
        return c;
    }

    private void bars(String file, int count, boolean brokenAtTheEnd) throws IOException {
        StringBuilder csv = new StringBuilder(Fixtures.minuteBars(count, "\n"));
        if (brokenAtTheEnd) {
            csv.append("2030-01-01T00:00:00Z,100,99,101,100\n"); // high below low
        }
        Files.writeString(dir.resolve(file), csv);
    }

    private static JsonNode status(Path folder) throws IOException {
        return new ObjectMapper().readTree(folder.resolve("status.json").toFile());
    }

    /** {@code eventdesk backtest} of {@code config} into {@code folder} in a JVM of its own, its output to {@code log}. */
    private static Process backtestInAnotherJvm(Path config, Path folder, Path log) throws IOException {
        return new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        "io.eventdesk.bootstrap.EventdeskCli",
                        "backtest",
                        "--config",
                        config.toString(),
                        "--out",
                        folder.toString()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    /** How many events the journal in {@code folder} has committed so far (0 while there is none to read). */
    private static long committedEvents(Path folder) {
        if (!Files.exists(folder.resolve("journal.db"))) {
            return 0;
        }
        try {
            return Jdbi.create("jdbc:sqlite:" + folder.resolve("journal.db"))
                    .withHandle(h -> h.createQuery("SELECT count(*) FROM journal_events")
                            .mapTo(Long.class)
                            .one());
        } catch (RuntimeException e) {
            return 0; // not created yet, or busy: look again
        }
    }

    private static List<String> journalTypes(Path folder) {
        return Jdbi.create("jdbc:sqlite:" + folder.resolve("journal.db"))
                .withHandle(h -> h.createQuery("SELECT type FROM journal_events ORDER BY sequence")
                        .mapTo(String.class)
                        .list());
    }

    @Test
    void shouldLeaveOnlyTheNewRunMarkedFailed_whenARunFailsIntoTheFolderOfAFinishedOne() throws IOException {
        bars("good.csv", 200, false);
        bars("bad.csv", 200, true);
        Path folder = dir.resolve("run");
        RunFolder first = RunFolder.backtest(config("good", "good.csv"), folder);
        assertThat(first.exitCode).as(first.err).isZero();
        assertThat(status(folder).get("status").asText()).isEqualTo("FINISHED");
        assertThat(folder.resolve("summary.json")).exists();

        RunFolder second = RunFolder.backtest(config("bad", "bad.csv"), folder);
        assertThat(second.exitCode).isEqualTo(2);
        // nothing of the finished run is left; the failed run's own partial files are
        assertThat(folder.resolve("summary.json")).doesNotExist();
        assertThat(folder.resolve("statistics.json")).doesNotExist();
        assertThat(folder.resolve("report.html")).doesNotExist();
        assertThat(Files.readString(folder.resolve("data-quality.json")))
                .contains("bad.csv")
                .doesNotContain("good.csv");
        JsonNode status = status(folder);
        assertThat(status.get("run").asText()).isEqualTo("bad");
        assertThat(status.get("status").asText()).isEqualTo("FAILED");
        assertThat(status.get("reason").asText()).contains("bad.csv").contains("high");
        assertThat(RunFolder.cli(folder, "runs", "list", folder.toString()).out).contains("FAILED");
        List<String> types = journalTypes(folder);
        assertThat(types.get(0)).isEqualTo("RunStarted");
        assertThat(types.get(types.size() - 1)).isEqualTo("RunFailed");
    }

    @Test
    void shouldDescribeOnlyTheNewRun_whenARunKilledMidwayIsRunAgainIntoItsFolder() throws Exception {
        bars("long.csv", 400_000, false);
        Path folder = dir.resolve("killed");
        Process p = backtestInAnotherJvm(config("long", "long.csv"), folder, dir.resolve("killed.log"));
        // kill it once it is under way, with events committed: the folder says RUNNING
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (committedEvents(folder) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        p.destroyForcibly(); // SIGKILL
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(status(folder).get("status").asText()).isEqualTo("RUNNING");
        assertThat(folder.resolve("summary.json")).doesNotExist();
        // the store shows it: unfinished, and its process is gone
        RunFolder listed = RunFolder.cli(folder, "runs", "list", folder.toString());
        assertThat(listed.exitCode).as(listed.err).isZero();
        assertThat(listed.out.lines().skip(1).toList())
                .singleElement()
                .satisfies(l -> assertThat(l).startsWith("INTERRUPTED").endsWith("long"));

        bars("short.csv", 300, false);
        RunFolder again = RunFolder.backtest(config("short", "short.csv"), folder);
        assertThat(again.exitCode).as(again.err).isZero();
        JsonNode status = status(folder);
        assertThat(status.get("run").asText()).isEqualTo("short");
        assertThat(status.get("status").asText()).isEqualTo("FINISHED");
        assertThat(again.summary().get("market_events").asLong()).isEqualTo(300);
        assertThat(again.csv("equity.csv").get(0).get("time")).startsWith("2024-01-02T00:0");
        List<String> types = journalTypes(folder);
        assertThat(types.get(types.size() - 1)).isEqualTo("RunFinished");
        assertThat(types.stream().filter("RunStarted"::equals).count()).isEqualTo(1);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"TERM,143", "INT,130"})
    void shouldStopCleanlyAndSaySo_whenTheUserSendsASignal(String signal, int exitCode) throws Exception {
        bars("long.csv", 400_000, false);
        Path folder = dir.resolve("stopped-" + signal);
        Path log = dir.resolve("stopped-" + signal + ".log");
        Process p = backtestInAnotherJvm(config("long", "long.csv"), folder, log);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(folder.resolve("journal.db")) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        Thread.sleep(400);
        new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start().waitFor();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = Files.readString(log);
        assertThat(p.exitValue()).as(out).isEqualTo(exitCode);
        assertThat(out.lines().filter(l -> l.startsWith("stopped by the user")).toList())
                .singleElement()
                .satisfies(l -> assertThat(l).contains("SIG" + signal).contains("the run folder says STOPPED"));
        assertThat(out).doesNotContain("\tat ");
        JsonNode status = status(folder);
        assertThat(status.get("status").asText()).isEqualTo("STOPPED");
        assertThat(RunFolder.cli(folder, "runs", "list", folder.toString()).out)
                .contains("STOPPED")
                .contains("stopped by the user (SIG" + signal + ")");
        List<String> types = journalTypes(folder);
        assertThat(types.get(types.size() - 1)).isEqualTo("RunFailed");
        String reason = Jdbi.create("jdbc:sqlite:" + folder.resolve("journal.db"))
                .withHandle(h -> h.createQuery("SELECT payload FROM journal_events WHERE type = 'RunFailed'")
                        .mapTo(String.class)
                        .one());
        assertThat(reason).contains("stopped by the user (SIG" + signal + ")");
    }

    @Test
    void shouldExitTwoNamingThePath_whenTheRunFolderIsAFile() throws IOException {
        bars("good.csv", 50, false);
        Path file = dir.resolve("a-file");
        Files.writeString(file, "not a folder");
        RunFolder r = RunFolder.backtest(config("good", "good.csv"), file);
        assertThat(r.exitCode).isEqualTo(2);
        assertThat(r.err).contains("a-file").contains("is a file, not a folder").doesNotContain("Exception");
        assertThat(r.err.lines().count()).isEqualTo(1);
    }
}
