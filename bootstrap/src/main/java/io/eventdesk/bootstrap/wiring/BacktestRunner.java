package io.eventdesk.bootstrap.wiring;

import io.eventdesk.adapters.broker.paper.PaperVenues;
import io.eventdesk.adapters.marketdata.MarketDataFeeds;
import io.eventdesk.adapters.persistence.EventJournals;
import io.eventdesk.adapters.persistence.RunArtifacts;
import io.eventdesk.application.engine.RunBacktestService;
import io.eventdesk.application.usecase.BacktestRequest;
import io.eventdesk.bootstrap.config.BacktestConfig;
import io.eventdesk.bootstrap.config.StrategySpec;
import io.eventdesk.domain.port.EventJournalPort;
import io.eventdesk.domain.port.ExecutionVenuePort;
import io.eventdesk.domain.port.MarketDataFeedPort;
import io.eventdesk.domain.port.RunArtifactsPort;
import io.eventdesk.domain.run.RunSummary;
import io.eventdesk.domain.strategy.Strategy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Wires the adapters named by a config behind the ports and runs the backtest into a run folder. */
public final class BacktestRunner {
    /** The embedded journal's file name in a run folder. */
    public static final String JOURNAL_FILE = "journal.db";

    private BacktestRunner() {}

    public static RunSummary run(BacktestConfig config, Path out) {
        Map<String, Strategy> strategies = new LinkedHashMap<>();
        for (StrategySpec spec : config.strategies()) {
            strategies.put(
                    spec.id(), StrategyLoader.load(config.file().toString(), spec.key(), spec.type(), spec.params()));
        }
        prepare(out);
        MarketDataFeedPort feed = MarketDataFeeds.bars(config.data());
        ExecutionVenuePort venue = PaperVenues.create(config.execution(), config.instruments());
        EventJournalPort journal = null;
        RunArtifactsPort artifacts = null;
        try {
            journal = config.journalUrl() == null
                    ? EventJournals.sqlite(out.resolve(JOURNAL_FILE), config.name())
                    : EventJournals.jdbc(config.journalUrl(), config.name() + "@" + out.toAbsolutePath());
            artifacts = RunArtifacts.directory(out);
        } catch (RuntimeException e) {
            feed.close();
            if (journal != null) {
                journal.close();
            }
            throw e;
        }
        BacktestRequest request = new BacktestRequest(
                config.name(),
                config.seed(),
                config.initialCash(),
                config.instruments(),
                feed,
                venue,
                journal,
                artifacts,
                strategies,
                config.risk(),
                config.killSwitch());
        return new RunBacktestService().run(request);
    }

    /** A run folder holds one run: a previous run's embedded journal there is replaced. */
    private static void prepare(Path out) {
        try {
            Files.createDirectories(out);
            for (String suffix : new String[] {"", "-wal", "-shm"}) {
                Files.deleteIfExists(out.resolve(JOURNAL_FILE + suffix));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the run folder " + out, e);
        }
    }
}
