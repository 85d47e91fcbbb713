package io.eventdesk.cluster.spark;

import io.eventdesk.bootstrap.config.SweepConfigReader;
import io.eventdesk.domain.error.BadInputException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The Spark job's entry point, for {@code spark-submit --class io.eventdesk.cluster.spark.SparkSweepMain
 * eventdesk-cluster-spark-…-job.jar --config URI --out DIR [the sweep's options]}: the options of {@code eventdesk
 * sweep}, the master and the rest from {@code spark-submit}. Bad input is one line and exit 2, before any task.
 */
@Command(name = "eventdesk-spark-sweep", mixinStandardHelpOptions = true)
public final class SparkSweepMain implements Callable<Integer> {
    @Option(names = "--config", required = true, description = "the config: a path or a URI every node can reach")
    String config;

    @Option(names = "--out", required = true, description = "where the files go (a folder, or a URI for the sweep's)")
    String out;

    @Option(names = "--param")
    List<String> params;

    @Option(names = "--method")
    String method;

    @Option(names = "--samples")
    Long samples;

    @Option(names = "--seed")
    Long seed;

    @Option(names = "--constraint")
    List<String> constraints;

    @Option(names = "--objective")
    String objective;

    @Option(names = "--filter")
    List<String> filters;

    @Option(names = "--walk-forward")
    String walkForward;

    @Option(names = "--segments")
    String segments;

    @Option(names = "--partitions", description = "task partitions (default: the cluster's parallelism)")
    int partitions;

    @Option(names = "--master", description = "for a run without spark-submit, e.g. local[*]")
    String master;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    static int execute(String[] args) {
        CommandLine cli = new CommandLine(new SparkSweepMain());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof BadInputException bad) {
                cmd.getErr().println("eventdesk: " + bad.getMessage());
                return 2;
            }
            cmd.getErr().println("eventdesk: the Spark job failed: " + e);
            return 1;
        });
        return cli.execute(args);
    }

    @Override
    public Integer call() {
        SweepConfigReader.Options options = new SweepConfigReader.Options(
                params, method, samples, seed, constraints, objective, filters, 1, null, walkForward, segments);
        if ((segments != null || walkForward != null)
                && out.matches("[A-Za-z][A-Za-z0-9+.-]+:.*")
                && !out.startsWith("file:")) {
            throw new BadInputException(
                    "--out",
                    0,
                    null,
                    "walk-forward and segments write their files on the driver:" + " give a local folder, got '" + out
                            + "'");
        }
        SparkSession.Builder b = SparkSession.builder().appName("eventdesk sweep " + config);
        if (master != null) {
            b.master(master).config("spark.ui.enabled", "false");
        }
        SparkSession spark = b.getOrCreate();
        try {
            if (segments != null) {
                var r = SparkSweep.segments(spark, config, SweepConfigReader.segments(segments), Path.of(out));
                System.out.printf(
                        "segments: %d, %d ran, %d failed; files in %s%n", r.segments(), r.ran(), r.failed(), out);
            } else if (walkForward != null) {
                var r = SparkSweep.walkForward(spark, config, options, Path.of(out), partitions);
                System.out.printf(
                        "walk-forward: %d windows, out-of-sample %s, in-sample mean %s; files in %s%n",
                        r.windows(), r.outOfSample(), r.inSampleMean(), out);
            } else {
                var r = SparkSweep.sweep(spark, config, options, out, partitions);
                System.out.printf("sweep: %d combinations %s; files in %s%n", r.combinations(), r.counts(), out);
            }
            return 0;
        } finally {
            spark.stop();
        }
    }
}
