package io.eventdesk.bootstrap;

import io.eventdesk.adapters.persistence.EventJournals;
import io.eventdesk.domain.error.BadInputException;
import io.eventdesk.domain.run.RunRecord;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code eventdesk runs list [RUN_DIR | --journal URL]}: the runs a journal holds. */
@Command(
        name = "runs",
        mixinStandardHelpOptions = true,
        description = "Lists the runs a journal holds.",
        subcommands = {RunsCommand.ListRuns.class})
final class RunsCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a runs command is required, e.g. list");
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = "Each run of a run folder's journal or of a shared store: its status (FINISHED, STOPPED,"
                    + " FAILED, RUNNING or INTERRUPTED), simulated start and end, stored events and digest.")
    static final class ListRuns implements Callable<Integer> {
        @Parameters(index = "0", arity = "0..1", paramLabel = "RUN_DIR", description = "a run folder")
        Path folder;

        @Option(names = "--journal", paramLabel = "URL", description = "a journal's JDBC URL instead of a run folder")
        String journal;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            if ((folder == null) == (journal == null)) {
                throw new BadInputException("give a run folder or --journal URL, one of them");
            }
            String url = journal != null ? journal : RunFolderFiles.journalUrl(folder);
            List<RunRecord> runs = EventJournals.runs(url);
            PrintWriter w = spec.commandLine().getOut();
            w.printf(
                    "%-11s %-20s %-20s %-41s %9s %10s  %-16s  %s%n",
                    "status",
                    "started",
                    "ended",
                    "market data (simulated time)",
                    "events",
                    "sequence",
                    "digest",
                    "run");
            for (RunRecord r : runs) {
                w.printf(
                        "%-11s %-20s %-20s %-41s %9d %10d  %-16s  %s%s%n",
                        r.status(),
                        seconds(r.startedAt()),
                        r.endedAt() == null ? "-" : seconds(r.endedAt()),
                        r.firstMarket() == null ? "-" : r.firstMarket() + " " + r.lastMarket(),
                        r.storedEvents(),
                        r.lastSequence(),
                        r.digest() == null ? "-" : r.digest().substring(0, 16),
                        r.id(),
                        r.reason() == null ? "" : "  (" + r.reason() + ")");
            }
            return EventdeskCli.OK;
        }

        /** A wall-clock time to the second, as a person reads a list. */
        private static String seconds(java.time.Instant t) {
            return t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        }
    }
}
