package io.eventdesk.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventdesk.adapters.persistence.EventJournals;
import io.eventdesk.bootstrap.config.BacktestConfig;
import io.eventdesk.bootstrap.config.ConfigLoader;
import io.eventdesk.domain.error.BadInputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code eventdesk journal verify RUN_DIR}: the journal of a run, checked. */
@Command(
        name = "journal",
        mixinStandardHelpOptions = true,
        description = "Reads a run's journal.",
        subcommands = {JournalCommand.Verify.class, JournalCommand.Show.class})
final class JournalCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a journal command is required, e.g. verify");
    }

    @Command(
            name = "show",
            mixinStandardHelpOptions = true,
            description = "Prints a run's journaled events in sequence order (market data, kept by digest, and the"
                    + " packed marks aside), filtered by type, order and time: a run folder's, or --journal URL"
                    + " --run ID for a run of a shared store.")
    static final class Show implements Callable<Integer> {
        @Parameters(index = "0", arity = "0..1", paramLabel = "RUN_DIR", description = "the run folder")
        Path folder;

        @Option(names = "--journal", paramLabel = "URL", description = "a store's JDBC URL instead of a run folder")
        String journal;

        @Option(names = "--run", paramLabel = "ID", description = "with --journal: the run's id (see runs list)")
        String run;

        @Option(names = "--type", paramLabel = "T", description = "only events of this type, e.g. OrderFilled")
        String type;

        @Option(names = "--order", paramLabel = "ID", description = "only events about this order, e.g. O-3")
        String order;

        @Option(names = "--from", paramLabel = "TIME", description = "from this simulated time on (ISO-8601)")
        java.time.Instant from;

        @Option(names = "--to", paramLabel = "TIME", description = "up to this simulated time (ISO-8601)")
        java.time.Instant to;

        @Option(
                names = "--format",
                paramLabel = "F",
                description = "text (default: sequence, time, type, the event) or jsonl (the stored JSON, a line each)")
        String format = "text";

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            if (!format.equals("text") && !format.equals("jsonl")) {
                throw new BadInputException(null, 0, "--format", "expected text or jsonl, got '" + format + "'");
            }
            if ((folder == null) == (journal == null) || (journal == null) != (run == null)) {
                throw new BadInputException("give a run folder, or --journal URL with --run ID");
            }
            String url = journal != null ? journal : RunFolderFiles.journalUrl(folder);
            String runId = run != null ? run : RunFolderFiles.runId(folder, url);
            if (EventJournals.run(url, runId) == null) {
                throw new BadInputException(null, 0, "--run", "no run '" + runId + "' in the store (see runs list)");
            }
            PrintWriter w = spec.commandLine().getOut();
            boolean jsonl = format.equals("jsonl");
            EventJournals.show(url, runId, type, order, from, to, (seq, at, t, payload) -> {
                if (jsonl) {
                    w.println(payload);
                } else {
                    w.printf("%8d  %s  %-20s %s%n", seq, at, t, payload);
                }
            });
            w.flush();
            return EventdeskCli.OK;
        }
    }

    @Command(
            name = "verify",
            mixinStandardHelpOptions = true,
            description = "Checks a run's journal: the run ended, its blocks are contiguous and reach as far as the"
                    + " registry says, its digest recomputed from the store equals the one recorded (and the run"
                    + " folder's), and the market data files still give the run's data digest. A run folder, or"
                    + " --journal URL --run ID for a run of a shared store. Exit 0 when all hold, 1 with the first"
                    + " problem named.")
    static final class Verify implements Callable<Integer> {
        @Parameters(index = "0", arity = "0..1", paramLabel = "RUN_DIR", description = "the run folder")
        Path folder;

        @Option(names = "--journal", paramLabel = "URL", description = "a store's JDBC URL instead of a run folder")
        String journal;

        @Option(names = "--run", paramLabel = "ID", description = "with --journal: the run's id (see runs list)")
        String run;

        @Option(
                names = "--config",
                paramLabel = "FILE",
                description = "the run's config, for its data files (default: the one its summary.json names)")
        Path config;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            if ((folder == null) == (journal == null) || (journal == null) != (run == null)) {
                throw new BadInputException("give a run folder, or --journal URL with --run ID");
            }
            String url = journal;
            String runId = run;
            String expected = null;
            BacktestConfig cfg = config == null ? null : ConfigLoader.load(config);
            if (folder != null) {
                JsonNode summary = RunFolderFiles.summaryIfAny(folder);
                if (cfg == null && summary != null && summary.hasNonNull("config")) {
                    cfg = ConfigLoader.load(RunFolderFiles.config(folder, summary, null));
                }
                expected =
                        summary == null ? null : summary.path("journal_digest").asText(null);
                if (cfg != null && cfg.journalUrl() != null) {
                    url = cfg.journalUrl();
                    runId = RunFolderFiles.sharedRunId(folder);
                } else {
                    url = RunFolderFiles.journalUrl(folder);
                    runId = RunFolderFiles.runId(folder, url);
                }
            }
            List<String> problems = EventJournals.verify(
                    url, runId, expected, cfg == null ? null : RunFolderFiles.marketData(cfg, folder));
            PrintWriter w = spec.commandLine().getOut();
            if (problems.isEmpty()) {
                w.printf(
                        "journal verified: the run ended, its blocks are contiguous, its digest %s is the one"
                                + " recorded, %s%n",
                        EventJournals.run(url, runId).digest(),
                        cfg == null
                                ? "(no config given: the data files were not compared)"
                                : "and the market data files give the run's data digest");
                return EventdeskCli.OK;
            }
            PrintWriter err = spec.commandLine().getErr();
            err.println("journal verify: " + problems.get(0));
            for (String p : problems.subList(1, problems.size())) {
                err.println("  also: " + p);
            }
            return EventdeskCli.INTERNAL_ERROR;
        }
    }
}
