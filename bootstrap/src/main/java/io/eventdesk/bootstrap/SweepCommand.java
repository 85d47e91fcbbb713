package io.eventdesk.bootstrap;

import io.eventdesk.adapters.marketdata.DataQualityReport;
import io.eventdesk.application.research.SweepOutcome;
import io.eventdesk.bootstrap.config.ConfigLoader;
import io.eventdesk.bootstrap.config.SweepConfigReader;
import io.eventdesk.bootstrap.config.SweepSettings;
import io.eventdesk.bootstrap.wiring.Plugins;
import io.eventdesk.bootstrap.wiring.ResearchRunner;
import io.eventdesk.bootstrap.wiring.SegmentsJob;
import io.eventdesk.bootstrap.wiring.SweepJob;
import io.eventdesk.bootstrap.wiring.SweepProgress;
import io.eventdesk.bootstrap.wiring.WalkForwardJob;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code eventdesk sweep --config FILE [--param PATH=VALUES]… [--walk-forward …] [--segments P1M]}. */
@Command(
        name = "sweep",
        mixinStandardHelpOptions = true,
        description = "Runs the config once per combination of the swept parameters (grid or random), the market data"
                + " read once and shared; ranks them by an objective. Or walk-forward windows, or time segments.")
final class SweepCommand implements Callable<Integer> {
    @Option(names = "--config", required = true, paramLabel = "FILE", description = "the config, with a sweep section")
    Path config;

    @Option(names = "--out", paramLabel = "DIR", description = "where the files go (default: runs/<name>-sweep)")
    Path out;

    @Option(
            names = "--param",
            paramLabel = "PATH=VALUES",
            description = "a swept parameter: a,b,c | from:to:step | uniform:low:high | log-uniform:low:high |"
                    + " int-uniform:low:high (replaces the section's parameter of that path)")
    List<String> params;

    @Option(names = "--method", paramLabel = "grid|random", description = "grid (every combination) or random")
    String method;

    @Option(names = "--samples", paramLabel = "N", description = "how many combinations a random search draws")
    Long samples;

    @Option(names = "--seed", paramLabel = "SEED", description = "the sweep's seed (random draws, each run's seed)")
    Long seed;

    @Option(names = "--constraint", paramLabel = "A<B", description = "skip combinations that break it")
    List<String> constraints;

    @Option(
            names = "--objective",
            paramLabel = "[max:|min:]STATISTIC",
            description = "what to rank by (default max:sharpe)")
    String objective;

    @Option(names = "--filter", paramLabel = "STAT>=N", description = "only combinations that meet it rank")
    List<String> filters;

    @Option(names = "--workers", paramLabel = "N", description = "runs at once (default: the number of cores)")
    Integer workers;

    @Option(names = "--keep-runs", paramLabel = "best:N", description = "re-run the N best with full run folders")
    String keepRuns;

    @Option(
            names = "--walk-forward",
            paramLabel = "train=P6M,test=P1M,step=P1M[,state=reset|carry]",
            description = "optimize on each train window, run the best on the test window after it")
    String walkForward;

    @Option(names = "--segments", paramLabel = "PERIOD", description = "run the config on each segment apart (P1M)")
    String segments;

    @Option(names = "--quiet", description = "no progress bar")
    boolean quiet;

    @Option(names = "--classpath", paramLabel = "PATH", description = "jars and class folders of your own strategies")
    String classpath;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ClassLoader plugins = Plugins.loader(classpath);
        var tree = ConfigLoader.tree(config);
        var base = ConfigLoader.load(config, tree);
        boolean segmentsOnly = segments != null && params == null && walkForward == null && !tree.has("sweep");
        SweepSettings settings = segmentsOnly
                ? null
                : SweepConfigReader.read(
                        config,
                        tree,
                        base.seed(),
                        new SweepConfigReader.Options(
                                params,
                                method,
                                samples,
                                seed,
                                constraints,
                                objective,
                                filters,
                                workers,
                                keepRuns,
                                walkForward,
                                segments));
        Path folder = out != null ? out : Path.of("runs", base.name() + "-sweep");
        PrintWriter w = spec.commandLine().getOut();
        ResearchRunner runner = ResearchRunner.prepare(config, plugins, new DataQualityReport());
        if (segments != null) {
            var period = SweepConfigReader.segments(segments);
            SegmentsJob.Report r = SegmentsJob.run(
                    runner,
                    period,
                    folder,
                    workers == null ? Runtime.getRuntime().availableProcessors() : workers);
            w.printf("segments: %d of %s, %d ran, %d failed%n", r.segments(), period, r.ran(), r.failed());
            w.printf("files: %s%n", folder.toAbsolutePath().normalize());
            return EventdeskCli.OK;
        }
        if (settings.walkForward() != null) {
            WalkForwardJob.Report r =
                    WalkForwardJob.run(runner, settings, folder, SweepProgress.onTerminal(quiet), plugins);
            w.printf(
                    "walk-forward: %d windows (%s), out-of-sample %s %s, in-sample mean %s%n",
                    r.windows(),
                    settings.walkForward().carry() ? "state carried" : "state reset",
                    settings.objective().statistic(),
                    fmt(r.outOfSample()),
                    fmt(r.inSampleMean()));
            w.printf("files: %s%n", folder.toAbsolutePath().normalize());
            return EventdeskCli.OK;
        }
        SweepJob.checkPaths(runner, settings, plugins);
        SweepJob.Report r = SweepJob.run(runner, settings, folder, SweepProgress.onTerminal(quiet));
        w.printf("sweep: %d combinations, %s%n", r.combinations(), r.result().counts());
        if (r.result().first().isPresent()) {
            SweepOutcome best = r.result().first().get();
            w.printf(
                    "best: #%d %s, %s %s%n",
                    best.combination().index(),
                    best.combination().values(),
                    settings.objective().statistic(),
                    fmt(best.objective(settings.objective())));
            w.printf(
                    "ready to run: bin/eventdesk backtest --config %s%n",
                    folder.resolve(SweepJob.BEST_CONFIG).toAbsolutePath().normalize());
        } else {
            w.println("best: none ranked (every combination was skipped, filtered out or failed: see sweep.csv)");
        }
        w.printf("files: %s%n", folder.toAbsolutePath().normalize());
        return EventdeskCli.OK;
    }

    private static String fmt(Double v) {
        return v == null ? "n/a" : String.format("%.6g", v);
    }
}
