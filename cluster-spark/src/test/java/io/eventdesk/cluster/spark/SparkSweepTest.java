package io.eventdesk.cluster.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventdesk.adapters.marketdata.DataQualityReport;
import io.eventdesk.bootstrap.config.ConfigLoader;
import io.eventdesk.bootstrap.config.SweepConfigReader;
import io.eventdesk.bootstrap.config.SweepSettings;
import io.eventdesk.bootstrap.wiring.Plugins;
import io.eventdesk.bootstrap.wiring.ResearchRunner;
import io.eventdesk.bootstrap.wiring.SegmentsJob;
import io.eventdesk.bootstrap.wiring.SweepJob;
import io.eventdesk.bootstrap.wiring.SweepProgress;
import io.eventdesk.bootstrap.wiring.WalkForwardJob;
import io.eventdesk.domain.error.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark job in {@code local[2]} (real Spark, no UI) against the local sweep of the same config and options: the
 * same rows, combination for combination, in the CSV it writes and in its Parquet.
 */
class SparkSweepTest {
    private static final Path CONFIG =
            Path.of("../examples/sweep-btc.yaml").toAbsolutePath().normalize();
    private static SparkSession spark;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder()
                .master("local[2]")
                .appName("eventdesk-sweep-test")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "2")
                .getOrCreate();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    /** fast 5/10/25 × slow 20/30/60 × slippage 1/3: 18 combinations, 2 of them skipped by fast < slow. */
    private static SweepConfigReader.Options options() {
        return new SweepConfigReader.Options(
                List.of("strategy.params.fast=5,10,25", "strategy.params.slow=20,30,60", "execution.slippage-bps=1,3"),
                null,
                null,
                null,
                null,
                null,
                List.of("round_trips >= 1"),
                2,
                null,
                null,
                null);
    }

    @Test
    void shouldWriteTheLocalSweepsRows_whenTheSweepRunsOnSpark() throws Exception {
        SweepConfigReader.Options options = options();
        var tree = ConfigLoader.tree(CONFIG);
        SweepSettings settings = SweepConfigReader.read(
                CONFIG, tree, ConfigLoader.load(CONFIG, tree).seed(), options);
        ResearchRunner runner = ResearchRunner.prepare(CONFIG, Plugins.loader(null), new DataQualityReport());
        SweepJob.run(runner, settings, dir.resolve("local"), SweepProgress.silent());

        SparkSweep.Summary summary = SparkSweep.sweep(
                spark, CONFIG.toString(), options, dir.resolve("spark").toString(), 4);
        assertThat(summary.combinations()).isEqualTo(18);
        assertThat(summary.counts()).containsEntry("SKIPPED", 2L).containsEntry("OK", 16L);

        String local = Files.readString(dir.resolve("local/sweep.csv"));
        assertThat(Files.readString(dir.resolve("spark/sweep.csv"))).isEqualTo(local);

        // the Parquet holds the same figures, combination for combination
        List<String> localRows = Files.readAllLines(dir.resolve("local/sweep.csv"));
        int sharpeColumn = List.of(localRows.get(0).split(",")).indexOf("sharpe");
        Map<Integer, String> localSharpe = new TreeMap<>();
        for (String r : localRows.subList(1, localRows.size())) {
            String[] cells = r.split(",", -1);
            localSharpe.put(Integer.parseInt(cells[0]), cells[sharpeColumn]);
        }
        List<Row> parquet = spark.read()
                .parquet(dir.resolve("spark").resolve(SparkSweep.PARQUET).toString())
                .select("index", "sharpe")
                .collectAsList();
        Map<Integer, String> sparkSharpe = new TreeMap<>();
        for (Row r : parquet) {
            sparkSharpe.put(r.getInt(0), r.isNullAt(1) ? "" : Double.toString(r.getDouble(1)));
        }
        assertThat(sparkSharpe).isEqualTo(localSharpe);

        // and the CSV Spark wrote itself has the same header and rows
        Path part;
        try (var files = Files.list(dir.resolve("spark").resolve(SparkSweep.CSV_FOLDER))) {
            part = files.filter(p -> p.getFileName().toString().startsWith("part-"))
                    .findFirst()
                    .orElseThrow();
        }
        List<String> sparkCsv = Files.readAllLines(part);
        assertThat(sparkCsv).hasSize(19);
        assertThat(sparkCsv.get(0)).isEqualTo(localRows.get(0));
    }

    @Test
    void shouldWriteTheLocalWalkForwardsFiles_whenItRunsOnSpark() throws Exception {
        SweepConfigReader.Options o = options();
        SweepConfigReader.Options options = new SweepConfigReader.Options(
                o.params(),
                null,
                null,
                null,
                null,
                null,
                o.filters(),
                2,
                null,
                "train=P14D,test=P7D,state=carry",
                null);
        var tree = ConfigLoader.tree(CONFIG);
        SweepSettings settings = SweepConfigReader.read(
                CONFIG, tree, ConfigLoader.load(CONFIG, tree).seed(), options);
        ResearchRunner runner = ResearchRunner.prepare(CONFIG, Plugins.loader(null), new DataQualityReport());
        WalkForwardJob.run(runner, settings, dir.resolve("local"), SweepProgress.silent(), Plugins.loader(null));

        WalkForwardJob.Report r = SparkSweep.walkForward(spark, CONFIG.toString(), options, dir.resolve("spark"), 4);
        assertThat(r.windows()).isEqualTo(2);
        for (String f : List.of(
                WalkForwardJob.CSV,
                WalkForwardJob.JSON,
                WalkForwardJob.EQUITY,
                "windows/000/sweep.csv",
                "windows/001/sweep.csv")) {
            assertThat(Files.readString(dir.resolve("spark").resolve(f)))
                    .as(f)
                    .isEqualTo(Files.readString(dir.resolve("local").resolve(f)));
        }
        assertThat(spark.read()
                        .parquet(dir.resolve("spark/walk-forward-train.parquet").toString())
                        .count())
                .isEqualTo(36);
    }

    @Test
    void shouldWriteTheLocalSegmentsFiles_whenTheyRunOnSpark() throws Exception {
        ResearchRunner runner = ResearchRunner.prepare(CONFIG, Plugins.loader(null), new DataQualityReport());
        SegmentsJob.run(runner, Period.ofDays(7), dir.resolve("local"), 2);
        SegmentsJob.Report r = SparkSweep.segments(spark, CONFIG.toString(), Period.ofDays(7), dir.resolve("spark"));
        assertThat(r.ran()).isEqualTo(5);
        for (String f : List.of(SegmentsJob.CSV, SegmentsJob.JSON)) {
            assertThat(Files.readString(dir.resolve("spark").resolve(f)))
                    .as(f)
                    .isEqualTo(Files.readString(dir.resolve("local").resolve(f)));
        }
    }

    @Test
    void shouldRefuseBeforeAnyTask_whenASweptPathIsUnknown() {
        SweepConfigReader.Options bad = new SweepConfigReader.Options(
                List.of("strategy.params.fats=5,10"), null, null, null, null, null, null, 2, null, null, null);
        assertThatThrownBy(() -> SparkSweep.sweep(
                        spark, CONFIG.toString(), bad, dir.resolve("x").toString(), 2))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("sweep.parameters.strategy.params.fats");
        assertThat(dir.resolve("x")).doesNotExist();
    }
}
