package io.eventdesk.bootstrap.wiring;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventdesk.adapters.broker.paper.PaperVenues;
import io.eventdesk.adapters.marketdata.DataQualityReport;
import io.eventdesk.adapters.marketdata.DataSource;
import io.eventdesk.adapters.marketdata.MarketDataFeeds;
import io.eventdesk.adapters.marketdata.SignalFeeds;
import io.eventdesk.adapters.persistence.EventJournals;
import io.eventdesk.adapters.persistence.RunArtifacts;
import io.eventdesk.adapters.persistence.RunRegistration;
import io.eventdesk.application.engine.RunBacktestService;
import io.eventdesk.application.usecase.BacktestRequest;
import io.eventdesk.bootstrap.config.BacktestConfig;
import io.eventdesk.bootstrap.config.FeedSpec;
import io.eventdesk.bootstrap.config.StrategySpec;
import io.eventdesk.domain.error.BadInputException;
import io.eventdesk.domain.error.RunStopped;
import io.eventdesk.domain.port.EventJournalPort;
import io.eventdesk.domain.port.ExecutionVenuePort;
import io.eventdesk.domain.port.MarketDataFeedPort;
import io.eventdesk.domain.port.RunArtifactsPort;
import io.eventdesk.domain.port.SignalFeedPort;
import io.eventdesk.domain.results.ResultsSpec;
import io.eventdesk.domain.run.RunSummary;
import io.eventdesk.domain.strategy.Strategy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Wires the adapters named by a config behind the ports and runs the backtest into a run folder. */
public final class BacktestRunner {
    /** The strategy type that replays a file of signals produced outside the desk. */
    public static final String SIGNALS = "signals";

    /** The embedded journal's file name in a run folder. */
    public static final String JOURNAL_FILE = "journal.db";

    private BacktestRunner() {}

    /** The data-quality report's file name in a run folder. */
    public static final String DATA_QUALITY_FILE = "data-quality.json";

    public static RunSummary run(BacktestConfig config, Path out) {
        return run(config, out, new DataQualityReport());
    }

    /**
     * Runs the backtest; what the market data readers found goes to {@code quality} and to the run folder's
     * {@value #DATA_QUALITY_FILE}, whether the run finished or not.
     */
    public static RunSummary run(BacktestConfig config, Path out, DataQualityReport quality) {
        return run(config, out, quality, false);
    }

    /** The same, with a progress bar on the terminal once the run takes more than two seconds. */
    public static RunSummary run(BacktestConfig config, Path out, DataQualityReport quality, boolean progress) {
        return run(config, out, quality, progress, Plugins.loader(null));
    }

    /** As {@link #run(BacktestConfig, Path, DataQualityReport, boolean)}, users' classes found by {@code plugins}. */
    public static RunSummary run(
            BacktestConfig config, Path out, DataQualityReport quality, boolean progress, ClassLoader plugins) {
        try {
            return runWith(config, out, quality, progress, plugins);
        } finally {
            writeQuality(quality, out);
        }
    }

    private static void writeQuality(DataQualityReport quality, Path out) {
        if (!Files.isDirectory(out)) {
            return;
        }
        try {
            new ObjectMapper()
                    .writerWithDefaultPrettyPrinter()
                    .writeValue(out.resolve(DATA_QUALITY_FILE).toFile(), quality.toMap());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out.resolve(DATA_QUALITY_FILE), e);
        }
    }

    private static RunSummary runWith(
            BacktestConfig config, Path out, DataQualityReport quality, boolean progress, ClassLoader plugins) {
        refuseLive(config);
        if (config.strategies().isEmpty()) {
            throw new BadInputException(
                    config.file().toString(),
                    0,
                    "strategy",
                    "a backtest needs a strategy or a signals file (a config without one is for eventdesk serve,"
                            + " whose signals come from its API)");
        }
        List<StrategySpec> signalFiles = new ArrayList<>();
        Map<String, Strategy> strategies = strategies(config, plugins, signalFiles);
        RunFolderStatus status = RunFolderStatus.begin(out, config.name());
        MarketDataFeedPort feed;
        ExecutionVenuePort venue;
        try {
            List<MarketDataFeeds.OwnFeed> own = ownFeeds(config, plugins);
            feed = StopSignals.stoppable(
                    ProgressFeed.of(MarketDataFeeds.open(config.data(), own, quality), config.name(), progress));
            venue = venue(config, plugins);
        } catch (RuntimeException e) {
            status.failed(e);
            throw e;
        }
        Map<String, SignalFeedPort> signalFeeds = new LinkedHashMap<>();
        EventJournalPort journal = null;
        RunArtifactsPort artifacts = null;
        try {
            journal = journal(config, out, status, plugins, "backtest");
            artifacts = RunArtifacts.directory(out, resultsSpec(config), quality::toMap, config.file());
            Path base = config.file().toAbsolutePath().getParent();
            for (StrategySpec spec : signalFiles) {
                String path = spec.params().string("path", null);
                if (path == null) {
                    throw new BadInputException(
                            config.file().toString(),
                            0,
                            spec.key().replace(".type", ".params.path"),
                            "missing (required): the signals file");
                }
                signalFeeds.put(
                        spec.id(), SignalFeeds.jsonLines(base.resolve(path).normalize(), config.instruments()));
            }
        } catch (RuntimeException e) {
            status.failed(e);
            feed.close();
            signalFeeds.values().forEach(SignalFeedPort::close);
            if (artifacts != null) {
                artifacts.close();
            }
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
                config.killSwitch(),
                signalFeeds,
                config.sizing(),
                config.account(),
                config.sessions());
        try {
            RunSummary summary = new RunBacktestService().run(request);
            status.finished();
            return summary;
        } catch (RunStopped e) {
            status.stopped(e);
            throw e;
        } catch (RuntimeException | Error e) {
            status.failed(e);
            throw e;
        }
    }

    /** A backtest (and a sweep) reads files: a live stream is for {@code eventdesk serve}. */
    static void refuseLive(BacktestConfig config) {
        if (!config.liveFeeds().isEmpty()) {
            throw new BadInputException(
                    config.file().toString(),
                    0,
                    config.liveFeeds().get(0).key() + ".source",
                    "a live exchange stream is for eventdesk serve; a backtest reads files (give data[].path)");
        }
    }

    /** The config's strategies by id (their classes loaded); the entries that are signal files go to {@code files}. */
    static Map<String, Strategy> strategies(BacktestConfig config, ClassLoader plugins, List<StrategySpec> files) {
        Map<String, Strategy> strategies = new LinkedHashMap<>();
        for (StrategySpec spec : config.strategies()) {
            if (spec.type().equals(SIGNALS)) {
                spec.params().allowOnly("path");
                files.add(spec);
            } else {
                strategies.put(
                        spec.id(),
                        StrategyLoader.load(config.file().toString(), spec.key(), spec.type(), spec.params(), plugins));
            }
        }
        return strategies;
    }

    /** The config's market data feeds of the user's own ({@code data[i].class}), started; all closed on a failure. */
    static List<MarketDataFeeds.OwnFeed> ownFeeds(BacktestConfig config, ClassLoader plugins) {
        String src = config.file().toString();
        List<MarketDataFeeds.OwnFeed> own = new ArrayList<>();
        try {
            for (FeedSpec spec : config.feeds()) {
                own.add(new MarketDataFeeds.OwnFeed(
                        PluginLoader.feed(src, spec.plugin(), spec.instrument(), plugins),
                        spec.instrument().id(),
                        src + ": " + spec.plugin().key() + " " + spec.plugin().className()));
            }
            return own;
        } catch (RuntimeException e) {
            own.forEach(f -> f.feed().close());
            throw e;
        }
    }

    /** The paper venue the config's {@code execution} sets up, or the user's own ({@code venue.class}). */
    static ExecutionVenuePort venue(BacktestConfig config, ClassLoader plugins) {
        return config.venue() == null
                ? PaperVenues.create(config.execution(), config.instruments())
                : PluginLoader.venue(config.file().toString(), config.venue(), config.instruments(), plugins);
    }

    /**
     * The run's journal: the user's own ({@code journal.class}), the shared store ({@code journal.url}), or the run
     * folder's embedded one; registered as a run of {@code kind} (backtest, service).
     */
    static EventJournalPort journal(
            BacktestConfig config, Path out, RunFolderStatus status, ClassLoader plugins, String kind) {
        if (config.journal().plugin() != null) {
            return PluginLoader.journal(
                    config.file().toString(), config.journal().plugin(), status.runId(), plugins);
        }
        if (config.journalUrl() == null) {
            return EventJournals.jdbc(
                    EventJournals.sqliteUrl(out.resolve(JOURNAL_FILE)),
                    registration(config, config.name(), kind),
                    config.journal().blockRecords(),
                    config.journal().durability());
        }
        return journalAt(config, status.runId(), kind);
    }

    /** The shared journal the config names; a store that cannot be opened is an error at its key. */
    private static EventJournalPort journalAt(BacktestConfig config, String runId, String kind) {
        try {
            // every run is a new run: a config run again into the same folder gets a run id of its own
            return EventJournals.jdbc(
                    config.journalUrl(),
                    registration(config, runId, kind),
                    config.journal().blockRecords(),
                    config.journal().durability());
        } catch (BadInputException e) {
            throw new BadInputException(config.file().toString(), 0, "journal.url", e.getMessage(), e);
        }
    }

    /** What the journal's registry records of a run of {@code config}. */
    private static RunRegistration registration(BacktestConfig config, String runId, String kind) {
        List<Path> files = new ArrayList<>();
        for (DataSource d : config.data()) {
            files.add(d.path());
            if (d.askPath() != null) {
                files.add(d.askPath());
            }
            if (d.secondary() != null) {
                files.add(d.secondary());
            }
        }
        for (StrategySpec spec : config.strategies()) {
            if (spec.type().equals(SIGNALS)) {
                String path = spec.params().string("path", null);
                if (path != null) {
                    files.add(config.file()
                            .toAbsolutePath()
                            .getParent()
                            .resolve(path)
                            .normalize());
                }
            }
        }
        return new RunRegistration(
                runId,
                config.name(),
                kind,
                config.seed(),
                config.file(),
                files,
                RunRegistration.codeVersionOf(BacktestRunner.class));
    }

    /** How a run of {@code config} computes its results: its instruments, account and sessions. */
    public static ResultsSpec resultsSpec(BacktestConfig config) {
        return new ResultsSpec(
                config.instruments(),
                config.account().base(),
                config.account().lotMethod(),
                config.sessions(),
                config.statistics());
    }
}
