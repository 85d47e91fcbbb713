package io.eventdesk.bootstrap;

import io.eventdesk.adapters.marketdata.DataQualityReport;
import io.eventdesk.adapters.marketdata.MarketDataFeeds;
import io.eventdesk.adapters.persistence.EventJournals;
import io.eventdesk.adapters.persistence.RunArtifacts;
import io.eventdesk.application.engine.ReplayRunService;
import io.eventdesk.bootstrap.config.BacktestConfig;
import io.eventdesk.bootstrap.config.ConfigLoader;
import io.eventdesk.bootstrap.wiring.BacktestRunner;
import io.eventdesk.bootstrap.wiring.ProgressFeed;
import io.eventdesk.domain.error.BadInputException;
import io.eventdesk.domain.port.RunHistoryPort;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code eventdesk report RUN_DIR [--config FILE]}: writes a finished run's {@code trades.csv},
 * {@code statistics.json} and {@code report.html} anew from its journal and its market data, so older runs get
 * reports too.
 */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = "Writes a finished run's trades.csv, statistics.json and report.html anew from its journal and"
                + " its market data.")
final class ReportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "the run folder")
    Path folder;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "the run's config (default: the one its summary.json names)")
    Path config;

    @Option(names = "--quiet", description = "no progress bar (there is none when the output is not a terminal)")
    boolean quiet;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Path configFile = RunFolderFiles.config(folder, RunFolderFiles.summary(folder), config);
        BacktestConfig cfg = ConfigLoader.load(configFile);
        if (cfg.journalUrl() != null) {
            throw new BadInputException(
                    configFile.toString(), 0, "journal.url", "report reads the run folder's embedded journal only");
        }
        String url = RunFolderFiles.journalUrl(folder);
        RunHistoryPort history = EventJournals.history(url, cfg.name());
        RunArtifacts.recomputeResults(
                folder,
                BacktestRunner.resultsSpec(cfg),
                sink -> new ReplayRunService()
                        .replay(
                                history,
                                ProgressFeed.of(
                                        MarketDataFeeds.open(cfg.data(), new DataQualityReport()),
                                        "report " + cfg.name(),
                                        !quiet),
                                sink));
        PrintWriter w = spec.commandLine().getOut();
        ResultsBlock.print(w, folder);
        w.printf("trades: %s%n", folder.resolve("trades.csv").toAbsolutePath().normalize());
        return EventdeskCli.OK;
    }
}
