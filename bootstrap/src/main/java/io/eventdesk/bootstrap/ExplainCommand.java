package io.eventdesk.bootstrap;

import io.eventdesk.adapters.persistence.EventJournals;
import io.eventdesk.domain.error.BadInputException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code eventdesk explain ORDER_ID --run RUN_DIR} or {@code explain --signal ID --run RUN_DIR}. */
@Command(
        name = "explain",
        mixinStandardHelpOptions = true,
        description = "Tells the whole story of one order from the journal alone: the signal and its reason, every"
                + " risk rule evaluated, the submission and its latency, each acknowledgement and fill, the end;"
                + " with --signal, the story of an outside signal by its signal_id.")
final class ExplainCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "ORDER_ID", description = "the order, e.g. O-3")
    String order;

    @Option(names = "--signal", paramLabel = "ID", description = "an outside signal's signal_id instead of an order")
    String signal;

    @Option(names = "--run", required = true, paramLabel = "RUN_DIR", description = "the run folder")
    Path folder;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if ((order == null) == (signal == null)) {
            throw new BadInputException("give an ORDER_ID or --signal ID, one of them");
        }
        String url = RunFolderFiles.journalUrl(folder);
        String runId = RunFolderFiles.runId(folder, url);
        List<String> story = order != null
                ? EventJournals.explainOrder(url, runId, order)
                : EventJournals.explainSignal(url, runId, signal);
        PrintWriter w = spec.commandLine().getOut();
        story.forEach(w::println);
        return EventdeskCli.OK;
    }
}
