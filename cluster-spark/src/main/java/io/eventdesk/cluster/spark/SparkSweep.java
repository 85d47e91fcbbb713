package io.eventdesk.cluster.spark;

import io.eventdesk.adapters.persistence.ResearchFiles;
import io.eventdesk.application.research.Combination;
import io.eventdesk.application.research.ParameterSweep;
import io.eventdesk.application.research.SweepOutcome;
import io.eventdesk.application.research.SweepParameter;
import io.eventdesk.bootstrap.config.SweepConfigReader;
import io.eventdesk.bootstrap.config.SweepSettings;
import io.eventdesk.bootstrap.wiring.ResearchRunner;
import io.eventdesk.bootstrap.wiring.SegmentsJob;
import io.eventdesk.bootstrap.wiring.SweepJob;
import io.eventdesk.bootstrap.wiring.SweepRows;
import io.eventdesk.bootstrap.wiring.WalkForwardJob;
import io.eventdesk.domain.results.Statistics;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A sweep as a Spark job. The driver reads the config and checks the sweep as {@code eventdesk sweep} does (bad
 * input fails before any task); the combinations' indexes are partitioned across the executors; each executor
 * reads the config and the market data once (from a path every node can reach: a shared folder, HDFS, an object
 * store) and runs each of its combinations with the same code as a local sweep ({@link ParameterSweep#outcome},
 * {@code ResearchRunner}), its seed derived from the sweep's and its values. The rows have the columns of the local
 * {@code sweep.csv}: written as Parquet ({@code sweep.parquet}) and as CSV ({@code sweep-csv/}, one file, in
 * combination order), and, when the output is a local folder, as {@code sweep.csv} itself, byte for byte what a
 * local sweep writes.
 */
public final class SparkSweep {
    public static final String PARQUET = "sweep.parquet";
    public static final String CSV_FOLDER = "sweep-csv";

    private SparkSweep() {}

    /** How it went: the combinations and how many ended each way. */
    public record Summary(long combinations, java.util.Map<String, Long> counts) {}

    public static Summary sweep(
            SparkSession spark, String config, SweepConfigReader.Options options, String out, int partitions) {
        PreparedSweeps.Prepared driver = PreparedSweeps.of(config, options);
        SweepSettings s = driver.settings();
        SweepJob.checkPaths(driver.runner(), s, io.eventdesk.bootstrap.wiring.Plugins.loader(null));
        int n = Math.toIntExact(s.space().size());
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        List<Integer> indexes = IntStream.range(0, n).boxed().toList();
        int slices = partitions > 0 ? partitions : Math.max(1, jsc.defaultParallelism());
        JavaRDD<Row> rows = jsc.parallelize(indexes, Math.min(slices, Math.max(1, n)))
                .mapPartitions((Iterator<Integer> it) -> run(config, options, it));
        StructType schema = schema(s.parameters());
        Dataset<Row> df = spark.createDataFrame(rows, schema).cache();
        df.write().mode(SaveMode.Overwrite).parquet(out + "/" + PARQUET);
        df.orderBy("index")
                .coalesce(1)
                .write()
                .mode(SaveMode.Overwrite)
                .option("header", true)
                .csv(out + "/" + CSV_FOLDER);
        Path local = localFolder(out);
        java.util.Map<String, Long> counts = new java.util.TreeMap<>();
        List<String> header = SweepRows.header(s.parameters());
        try (ResearchFiles.Table csv =
                local == null ? null : ResearchFiles.table(local.resolve(SweepJob.CSV), header)) {
            Iterator<Row> ordered = df.orderBy("index").toLocalIterator();
            while (ordered.hasNext()) {
                Row r = ordered.next();
                List<Object> cells = cells(r);
                counts.merge(r.<String>getAs("status"), 1L, Long::sum);
                if (csv != null) {
                    csv.row(cells);
                }
            }
        }
        df.unpersist();
        return new Summary(n, counts);
    }

    /**
     * Walk-forward as a Spark job: every window's train sweep (windows × combinations) is one set of tasks across
     * the executors, its rows also kept as Parquet ({@code walk-forward-train.parquet}, with a {@code window}
     * column); the driver picks each window's best (the local ranking: the objective, ties by the lower index) and
     * runs the test spans, one after the other (with carried state each needs the one before). The files are the
     * local walk-forward's, in {@code out} on the driver's file system.
     */
    public static WalkForwardJob.Report walkForward(
            SparkSession spark, String config, SweepConfigReader.Options options, Path out, int partitions) {
        PreparedSweeps.Prepared driver = PreparedSweeps.of(config, options);
        SweepSettings s = driver.settings();
        SweepJob.checkPaths(driver.runner(), s, io.eventdesk.bootstrap.wiring.Plugins.loader(null));
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        int n = Math.toIntExact(s.space().size());
        return WalkForwardJob.run(driver.runner(), s, out, (windows, csvOf) -> {
            List<long[]> tasks = new ArrayList<>();
            for (WalkForwardJob.Window w : windows) {
                for (int i = 0; i < n; i++) {
                    tasks.add(new long[] {w.index(), i});
                }
            }
            int slices = partitions > 0 ? partitions : Math.max(1, jsc.defaultParallelism());
            JavaRDD<Row> rows = jsc.parallelize(tasks, Math.min(slices, tasks.size()))
                    .mapPartitions((Iterator<long[]> it) -> train(config, options, windows, it));
            List<StructField> fields = new ArrayList<>();
            fields.add(DataTypes.createStructField("window", DataTypes.IntegerType, false));
            fields.addAll(List.of(schema(s.parameters()).fields()));
            Dataset<Row> df = spark.createDataFrame(rows, DataTypes.createStructType(fields))
                    .cache();
            df.write()
                    .mode(SaveMode.Overwrite)
                    .parquet(out.resolve("walk-forward-train.parquet").toString());
            List<WalkForwardJob.Trained> trained = new ArrayList<>();
            List<String> header = SweepRows.header(s.parameters());
            int objective = header.indexOf(s.objective().statistic());
            for (WalkForwardJob.Window w : windows) {
                Combination best = null;
                Double bestValue = null;
                try (ResearchFiles.Table csv = ResearchFiles.table(csvOf.apply(w), header)) {
                    Iterator<Row> ordered = df.filter(df.col("window").equalTo(w.index()))
                            .drop("window")
                            .orderBy("index")
                            .toLocalIterator();
                    while (ordered.hasNext()) {
                        Row r = ordered.next();
                        List<Object> cells = cells(r);
                        csv.row(cells);
                        Double v = r.isNullAt(objective) ? null : r.getDouble(objective);
                        if ("OK".equals(r.getAs("status")) && s.objective().better(v, bestValue)) {
                            best = s.space().at(r.getInt(0));
                            bestValue = v;
                        }
                    }
                }
                trained.add(new WalkForwardJob.Trained(best, bestValue));
            }
            df.unpersist();
            return trained;
        });
    }

    private static Iterator<Row> train(
            String config,
            SweepConfigReader.Options options,
            List<WalkForwardJob.Window> windows,
            Iterator<long[]> it) {
        PreparedSweeps.Prepared p = PreparedSweeps.of(config, options);
        SweepSettings s = p.settings();
        ParameterSweep.Spec spec =
                new ParameterSweep.Spec(s.space(), s.constraints(), s.objective(), s.filters(), 1, 1);
        List<Row> out = new ArrayList<>();
        while (it.hasNext()) {
            long[] task = it.next();
            WalkForwardJob.Window w = windows.get((int) task[0]);
            Combination c = s.space().at((int) task[1]);
            SweepOutcome o = ParameterSweep.outcome(
                    spec,
                    x -> p.runner()
                            .run(x.values(), x.seed(), w.trainFrom(), w.trainTo(), null)
                            .statistics(),
                    c);
            List<Object> cells = new ArrayList<>();
            cells.add(w.index());
            cells.addAll(SweepRows.row(o));
            out.add(RowFactory.create(cells.toArray()));
        }
        return out.iterator();
    }

    /** Segments as a Spark job: one task per segment; the files are the local job's, in {@code out} on the driver. */
    public static SegmentsJob.Report segments(SparkSession spark, String config, java.time.Period length, Path out) {
        ResearchRunner driver = PreparedSweeps.runner(config);
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        return SegmentsJob.run(driver, length, out, segments -> {
            List<SegmentsJob.Ran> ran = jsc
                    .parallelize(segments, Math.max(1, segments.size()))
                    .map(seg -> {
                        SegmentsJob.Ran r = SegmentsJob.runOne(PreparedSweeps.runner(config), seg);
                        return new Object[] {
                            seg,
                            r.statistics() == null ? null : new java.util.LinkedHashMap<>(r.statistics()),
                            r.failure()
                        };
                    })
                    .collect()
                    .stream()
                    .map(o -> new SegmentsJob.Ran((SegmentsJob.Segment) o[0], castMap(o[1]), (String) o[2]))
                    .toList();
            return ran;
        });
    }

    @SuppressWarnings("unchecked")
    private static java.util.Map<String, Double> castMap(Object o) {
        return (java.util.Map<String, Double>) o;
    }

    private static List<Object> cells(Row r) {
        List<Object> cells = new ArrayList<>(r.size());
        for (int i = 0; i < r.size(); i++) {
            cells.add(r.get(i));
        }
        return cells;
    }

    /** One partition's combinations, run one after the other on this executor. */
    private static Iterator<Row> run(String config, SweepConfigReader.Options options, Iterator<Integer> indexes) {
        PreparedSweeps.Prepared p = PreparedSweeps.of(config, options);
        SweepSettings s = p.settings();
        ParameterSweep.Spec spec =
                new ParameterSweep.Spec(s.space(), s.constraints(), s.objective(), s.filters(), 1, 1);
        List<Row> out = new ArrayList<>();
        while (indexes.hasNext()) {
            Combination c = s.space().at(indexes.next());
            SweepOutcome o = ParameterSweep.outcome(spec, x -> p.runner().run(x).statistics(), c);
            out.add(RowFactory.create(SweepRows.row(o).toArray()));
        }
        return out.iterator();
    }

    /** The columns of sweep.csv, typed: index, each parameter (as text), seed, status, reason, the statistics. */
    static StructType schema(List<SweepParameter> parameters) {
        List<StructField> f = new ArrayList<>();
        f.add(DataTypes.createStructField("index", DataTypes.IntegerType, false));
        for (SweepParameter p : parameters) {
            f.add(DataTypes.createStructField(p.path(), DataTypes.StringType, true));
        }
        f.add(DataTypes.createStructField("seed", DataTypes.LongType, false));
        f.add(DataTypes.createStructField("status", DataTypes.StringType, false));
        f.add(DataTypes.createStructField("reason", DataTypes.StringType, true));
        DataType number = DataTypes.DoubleType;
        for (String stat : Statistics.NUMBERS) {
            f.add(DataTypes.createStructField(stat, number, true));
        }
        return DataTypes.createStructType(f);
    }

    /** The output as a local folder, or null when it is on another file system. */
    private static Path localFolder(String out) {
        java.net.URI uri = java.net.URI.create(out.replace('\\', '/'));
        if (uri.getScheme() == null || uri.getScheme().length() == 1) {
            return Path.of(out);
        }
        return uri.getScheme().equals("file") ? Path.of(uri) : null;
    }
}
