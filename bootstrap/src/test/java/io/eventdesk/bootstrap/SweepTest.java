package io.eventdesk.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code eventdesk sweep} on the bundled month of BTC bars, through the command line: results that do not depend on
 * the number of workers, the best combination's config that reproduces its figures as a backtest, constraints and
 * failing combinations recorded with their reasons, walk-forward and segments, and bad input refused before any run.
 */
class SweepTest {
    private static final Path CONFIG =
            Path.of("../examples/sweep-btc.yaml").toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private record Result(int exit, String out, String err) {}

    private static Result cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = EventdeskCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(exit, out.toString(), err.toString());
    }

    /** A small grid of the example: fast 5/10/25, slow 20/30, slippage 1 (6 combinations; fast 25 breaks fast < slow). */
    private Result sweep(Path out, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "sweep",
                "--config",
                CONFIG.toString(),
                "--out",
                out.toString(),
                "--quiet",
                "--param",
                "strategy.params.fast=5,10,25",
                "--param",
                "strategy.params.slow=20,30",
                "--param",
                "execution.slippage-bps=1",
                "--filter",
                "round_trips >= 1"));
        args.addAll(List.of(more));
        return cli(args.toArray(String[]::new));
    }

    @Test
    void shouldWriteTheSameResults_whenTheNumberOfWorkersDiffers() throws Exception {
        Result one = sweep(dir.resolve("one"), "--workers", "1");
        Result two = sweep(dir.resolve("two"), "--workers", "2");
        assertThat(one.exit()).as(one.err()).isZero();
        assertThat(two.exit()).as(two.err()).isZero();
        List<String> rows = Files.readAllLines(dir.resolve("one/sweep.csv"));
        assertThat(rows).hasSize(7); // the header and 6 combinations, in combination order
        assertThat(Files.readString(dir.resolve("two/sweep.csv")))
                .isEqualTo(Files.readString(dir.resolve("one/sweep.csv")));
        assertThat(rows.get(5)).startsWith("4,25,20,1,").contains(",SKIPPED,constraint fast < slow is false (25 < 20)");
        assertThat(rows.get(6)).startsWith("5,25,30,1,").contains(",OK,");
        JsonNode summary = JSON.readTree(dir.resolve("one/sweep.json").toFile());
        assertThat(summary.get("counts").get("SKIPPED").asInt()).isEqualTo(1);
        assertThat(summary.get("counts").get("OK").asInt()).isEqualTo(5);
        assertThat(Files.readString(dir.resolve("one/sweep.html")))
                .contains("echarts")
                .contains("heatmap");
    }

    @Test
    void shouldReproduceTheBestCombinationsFigures_whenItsReadyConfigRunsAsABacktest() throws Exception {
        Result r = sweep(dir.resolve("s"), "--workers", "2", "--keep-runs", "best:2");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode best = JSON.readTree(dir.resolve("s/sweep.json").toFile()).get("best");
        Result backtest = cli(
                "backtest",
                "--config",
                dir.resolve("s/best.yaml").toString(),
                "--out",
                dir.resolve("again").toString(),
                "--quiet");
        assertThat(backtest.exit()).as(backtest.err()).isZero();
        JsonNode again =
                JSON.readTree(dir.resolve("again/statistics.json").toFile()).get("overall");
        assertThat(again.get("sharpe").asDouble()).isEqualTo(best.get("sharpe").asDouble());
        assertThat(again.get("total_return").asDouble())
                .isEqualTo(best.get("statistics").get("total_return").asDouble());
        // the statistics a sweep ranks by are exactly the run's numeric ones
        List<String> numeric = new ArrayList<>();
        again.fields().forEachRemaining(e -> {
            if (e.getValue().isNumber()) {
                numeric.add(e.getKey());
            }
        });
        assertThat(io.eventdesk.domain.results.Statistics.NUMBERS).containsExactlyInAnyOrderElementsOf(numeric);
        // the kept run has its own folder with a journal and the same figures
        Path kept = dir.resolve("s/runs")
                .resolve(String.format("%06d", best.get("index").asInt()));
        assertThat(kept.resolve("journal.db")).exists();
        assertThat(JSON.readTree(kept.resolve("statistics.json").toFile())
                        .get("overall")
                        .get("sharpe")
                        .asDouble())
                .isEqualTo(best.get("sharpe").asDouble());
    }

    @Test
    void shouldRecordTheFailureAndGoOn_whenACombinationsValueIsBadForTheStrategy() throws Exception {
        Result r = cli(
                "sweep",
                "--config",
                CONFIG.toString(),
                "--out",
                dir.resolve("f").toString(),
                "--quiet",
                "--param",
                "strategy.params.fast=0,10",
                "--param",
                "strategy.params.slow=40",
                "--param",
                "execution.slippage-bps=1",
                "--workers",
                "2");
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> rows = Files.readAllLines(dir.resolve("f/sweep.csv"));
        assertThat(rows.get(1)).startsWith("0,0,40,1,").contains(",FAILED,").contains("strategy.params.fast");
        assertThat(rows.get(2)).startsWith("1,10,40,1,").contains(",OK,");
    }

    @Test
    void shouldDrawTheSameCombinations_whenARandomSearchIsRunAgainWithItsSeed() throws Exception {
        String[] random = {
            "--method",
            "random",
            "--samples",
            "4",
            "--seed",
            "11",
            "--param",
            "strategy.params.fast=int-uniform:3:12",
            "--param",
            "strategy.params.slow=int-uniform:30:60"
        };
        assertThat(sweep(dir.resolve("r1"), random).exit()).isZero();
        assertThat(sweep(dir.resolve("r2"), random).exit()).isZero();
        assertThat(Files.readString(dir.resolve("r1/sweep.csv")))
                .isEqualTo(Files.readString(dir.resolve("r2/sweep.csv")));
        assertThat(Files.readAllLines(dir.resolve("r1/sweep.csv"))).hasSize(5);
    }

    @Test
    void shouldReportInSampleAgainstOutOfSample_whenWalkingForward() throws Exception {
        Result r = sweep(dir.resolve("wf"), "--workers", "2", "--walk-forward", "train=P14D,test=P7D,step=P7D");
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> rows = Files.readAllLines(dir.resolve("wf/walk-forward.csv"));
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1))
                .startsWith("0,2021-12-31T00:00:00Z,2022-01-14T00:00:00Z,2022-01-14T00:00:00Z,2022-01-21");
        JsonNode wf = JSON.readTree(dir.resolve("wf/walk-forward.json").toFile());
        assertThat(wf.get("state").asText()).isEqualTo("reset");
        assertThat(wf.get("windows")).hasSize(2);
        assertThat(wf.get("out_of_sample_statistics").get("sessions").asInt()).isEqualTo(14);
        assertThat(Files.readAllLines(dir.resolve("wf/walk-forward-equity.csv")))
                .hasSize(15);
        assertThat(dir.resolve("wf/windows/000/sweep.csv")).exists();

        Result carried = sweep(dir.resolve("wfc"), "--walk-forward", "train=P14D,test=P7D,state=carry");
        assertThat(carried.exit()).as(carried.err()).isZero();
        List<String> c = Files.readAllLines(dir.resolve("wfc/walk-forward.csv"));
        // the second test span starts with the equity the first ended with
        double firstEnd = 1_000_000 * (1 + Double.parseDouble(c.get(1).split(",")[12]));
        assertThat(Double.parseDouble(c.get(2).split(",")[11]))
                .isCloseTo(firstEnd, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void shouldSummarizeEachStatisticsDistribution_whenTheDataIsRunInSegments() throws Exception {
        Result r = cli(
                "sweep",
                "--config",
                CONFIG.toString(),
                "--out",
                dir.resolve("seg").toString(),
                "--segments",
                "P7D");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.readAllLines(dir.resolve("seg/segments.csv"))).hasSize(6); // 5 segments: 4 weeks and a rest
        JsonNode d = JSON.readTree(dir.resolve("seg/segments.json").toFile())
                .get("distributions")
                .get("total_return");
        assertThat(d.get("count").asInt()).isEqualTo(5);
        assertThat(d.get("min").asDouble()).isLessThanOrEqualTo(d.get("median").asDouble());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "--param|strategy.params.fats=5,10|sweep.parameters.strategy.params.fats|unknown parameter path",
                "--param|strategy.params.fast=10:5:1|strategy.params.fast|an empty range",
                "--param|strategy.params.fast=5:10:0|strategy.params.fast|a step of zero",
                "--objective|max:shrape|sweep.objective|'shrape' is not a statistic",
                "--walk-forward|train=P2M,test=P1M|--walk-forward|the windows are longer than the data",
                "--param|data.path=x,y|data|cannot be swept",
            })
    void shouldRefuseWithOneLineBeforeAnyRun_whenTheSweepIsBad(String option, String value, String key, String why) {
        Result r = cli(
                "sweep",
                "--config",
                CONFIG.toString(),
                "--out",
                dir.resolve("bad").toString(),
                option,
                value);
        assertThat(r.exit()).isEqualTo(EventdeskCli.BAD_INPUT);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains(key).contains(why).doesNotContain("Exception");
        assertThat(dir.resolve("bad/sweep.csv")).doesNotExist();
    }

    @Test
    void shouldAskForASeed_whenARandomSearchHasNone() {
        Result r = cli(
                "sweep",
                "--config",
                CONFIG.toString(),
                "--out",
                dir.resolve("bad").toString(),
                "--method",
                "random",
                "--samples",
                "3");
        assertThat(r.exit()).isEqualTo(EventdeskCli.BAD_INPUT);
        assertThat(r.err()).contains("sweep.seed").contains("a random search draws from a seed");
    }
}
