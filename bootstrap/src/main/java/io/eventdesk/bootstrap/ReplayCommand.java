package io.eventdesk.bootstrap;

import io.eventdesk.bootstrap.config.BacktestConfig;
import io.eventdesk.bootstrap.config.ConfigLoader;
import io.eventdesk.bootstrap.wiring.Plugins;
import io.eventdesk.bootstrap.wiring.ServiceRunner;
import io.eventdesk.domain.error.BadInputException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "replay",
        mixinStandardHelpOptions = true,
        description = "Re-runs a finished session of eventdesk serve from its journal: its signals, operator commands"
                + " and market data, in journal order, through a fresh desk of the config. Exit 0 when the re-run's"
                + " journal digest is the session's, 1 when it is not.")
final class ReplayCommand implements Callable<Integer> {
    @Option(
            names = {"-c", "--config"},
            required = true,
            paramLabel = "FILE",
            description = "the session's config")
    Path config;

    @Parameters(index = "0", arity = "0..1", paramLabel = "RUN_DIR", description = "the session's run folder")
    Path runDir;

    @Option(names = "--journal", paramLabel = "URL", description = "the session's shared journal (with --run)")
    String journal;

    @Option(names = "--run", paramLabel = "ID", description = "the session's run id in --journal")
    String run;

    @Option(names = "--out", paramLabel = "DIR", description = "the re-run's folder (default: runs/<name>-replay)")
    Path out;

    @Option(names = "--classpath", paramLabel = "PATH", description = "jars holding your strategies, venue or feeds")
    String classpath;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        String url;
        String id;
        if (runDir != null) {
            if (journal != null || run != null) {
                throw new BadInputException("--journal", 0, null, "give RUN_DIR or --journal and --run, not both");
            }
            url = RunFolderFiles.journalUrl(runDir);
            id = RunFolderFiles.runId(runDir, url);
        } else if (journal != null && run != null) {
            url = journal;
            id = run;
        } else {
            throw new BadInputException("RUN_DIR", 0, null, "give the session's run folder, or --journal URL --run ID");
        }
        BacktestConfig cfg = ConfigLoader.load(config);
        Path folder = out != null ? out : Path.of("runs", cfg.name() + "-replay");
        ServiceRunner.Rerun r = ServiceRunner.rerun(cfg, url, id, runDir, folder, Plugins.loader(classpath));
        PrintWriter w = spec.commandLine().getOut();
        boolean same = r.summary().journalDigest().equals(r.sessionDigest());
        w.printf(
                "replayed %s: %d market events, %d orders submitted, %d denied, %d fills; run folder %s%n",
                id,
                r.summary().marketEvents(),
                r.summary().ordersSubmitted(),
                r.summary().ordersDenied(),
                r.summary().fills(),
                folder);
        w.printf(
                "digest %s; the session's %s: %s%n",
                r.summary().journalDigest(), r.sessionDigest(), same ? "identical" : "DIFFERENT");
        return same ? 0 : EventdeskCli.INTERNAL_ERROR;
    }
}
