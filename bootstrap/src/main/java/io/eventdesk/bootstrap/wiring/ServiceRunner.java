package io.eventdesk.bootstrap.wiring;

import io.eventdesk.adapters.http.ApiSettings;
import io.eventdesk.adapters.http.DeskApi;
import io.eventdesk.adapters.http.HttpApi;
import io.eventdesk.adapters.marketdata.DataQualityReport;
import io.eventdesk.adapters.marketdata.MarketDataFeeds;
import io.eventdesk.adapters.persistence.RunArtifacts;
import io.eventdesk.application.engine.DeskSession;
import io.eventdesk.application.usecase.BacktestRequest;
import io.eventdesk.bootstrap.config.BacktestConfig;
import io.eventdesk.bootstrap.config.ServiceSettings;
import io.eventdesk.bootstrap.config.StrategySpec;
import io.eventdesk.domain.error.BadInputException;
import io.eventdesk.domain.market.MarketData;
import io.eventdesk.domain.port.EventJournalPort;
import io.eventdesk.domain.port.ExecutionVenuePort;
import io.eventdesk.domain.port.LiveMarketDataPort;
import io.eventdesk.domain.port.RunArtifactsPort;
import io.eventdesk.domain.run.RunSummary;
import io.eventdesk.domain.strategy.Strategy;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code eventdesk serve}: the desk of a config run as a service. The same parts as a backtest — strategies, venue,
 * risk, portfolio, journal, run folder — in a {@link DeskSession}, fed by the config's market data replayed on the
 * wall clock ({@code service.source.speed}), by signals and operator commands through the HTTP API, and stamped
 * with the replay's clock. Stopping it finishes the run: closing figures, {@code RunFinished}, the folder FINISHED.
 */
public final class ServiceRunner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceRunner.class);
    /** the run folder's folder of a live session's recorded market data (with its recorded.yaml) */
    public static final String RECORDED = "market-data";

    /** a live session's market data in the order it took it, in its run folder */
    public static Path arrivals(Path runFolder) {
        return runFolder.resolve(RECORDED).resolve("arrivals.jsonl");
    }

    private final RunFolderStatus status;
    private final DeskSession session;
    private final LiveMarketDataPort source;
    private final HttpApi api;
    private final ServiceSettings settings;
    private RunSummary summary;

    private final io.eventdesk.domain.port.SharedTradingStatePort shared;
    /** a live session's market data, written to the run folder as it arrives (null for a replay) */
    private final MarketDataRecorder recorder;
    /** a live session's market data in the order it took it, what it resumes and re-runs from (null for a replay) */
    private final MarketDataFeeds.ArrivalsWriter arrivals;

    private final BacktestConfig config;

    private ServiceRunner(
            RunFolderStatus status,
            DeskSession session,
            LiveMarketDataPort source,
            HttpApi api,
            ServiceSettings s,
            io.eventdesk.domain.port.SharedTradingStatePort shared,
            MarketDataRecorder recorder,
            MarketDataFeeds.ArrivalsWriter arrivals,
            BacktestConfig config) {
        this.recorder = recorder;
        this.arrivals = arrivals;
        this.config = config;
        this.shared = shared;
        this.status = status;
        this.session = session;
        this.source = source;
        this.api = api;
        this.settings = s;
    }

    /**
     * Starts the service of {@code config} into the run folder {@code out}; {@code env} gives environment variables
     * (the token), {@code wall} the wall clock.
     */
    public static ServiceRunner start(
            BacktestConfig config, Path out, ClassLoader plugins, Function<String, String> env, Clock wall) {
        return start(config, out, plugins, env, wall, false);
    }

    /**
     * As {@link #start(BacktestConfig, Path, ClassLoader, Function, Clock)}; with {@code resume}, the session the
     * folder holds (finished, stopped or killed) is recovered first: its journal's committed prefix re-run through
     * the new session's desk (positions, open orders, trading state, throttle windows, daily loss, every signal's
     * decision), its embedded journal kept beside as {@code journal-previous.db}; the market data goes on after the
     * records it took.
     */
    public static ServiceRunner start(
            BacktestConfig config,
            Path out,
            ClassLoader plugins,
            Function<String, String> env,
            Clock wall,
            boolean resume) {
        String src = config.file().toString();
        ServiceSettings svc = config.service();
        String token = token(config, env);
        InetAddress bind;
        try {
            bind = InetAddress.getByName(svc.bind());
        } catch (UnknownHostException e) {
            throw new BadInputException(src, 0, "service.bind", "not an address: '" + svc.bind() + "'");
        }
        for (StrategySpec spec : config.strategies()) {
            if (spec.type().equals(BacktestRunner.SIGNALS)) {
                throw new BadInputException(
                        src,
                        0,
                        spec.key(),
                        "a signals file is for backtests: a service takes its signals at POST /v1/signals");
            }
        }
        boolean liveMode = !config.liveFeeds().isEmpty();
        if (config.data().isEmpty() && config.feeds().isEmpty() && !liveMode) {
            throw new BadInputException(src, 0, "data", "a service needs market data to replay");
        }
        if (liveMode && (!config.data().isEmpty() || !config.feeds().isEmpty())) {
            throw new BadInputException(
                    src,
                    0,
                    config.liveFeeds().get(0).key() + ".source",
                    "a service takes its market data from live streams or from files (replayed), not both");
        }

        Map<String, Strategy> strategies = BacktestRunner.strategies(config, plugins, new ArrayList<>());
        DataQualityReport quality = new DataQualityReport();
        Earlier earlier = resume ? Earlier.of(config, out) : null;
        RunFolderStatus status = RunFolderStatus.begin(out, config.name());
        EventJournalPort journal = null;
        RunArtifactsPort artifacts = null;
        LiveMarketDataPort source = null;
        MarketDataRecorder recorder = null;
        MarketDataFeeds.ArrivalsWriter arrivalsLog = null;
        DeskSession session = null;
        io.eventdesk.domain.port.SharedTradingStatePort shared = null;
        try {
            ExecutionVenuePort venue = BacktestRunner.venue(config, plugins);
            io.eventdesk.domain.port.ClockPort clock;
            if (liveMode) {
                List<LiveMarketDataPort> ports = new ArrayList<>();
                for (BacktestConfig.LiveFeed f : config.liveFeeds()) {
                    LiveMarketDataPort p = io.eventdesk.adapters.marketdata.live.LiveSources.open(f.primary());
                    ports.add(
                            f.secondary() == null
                                    ? p
                                    : io.eventdesk.adapters.marketdata.live.LiveSources.failover(
                                            p,
                                            io.eventdesk.adapters.marketdata.live.LiveSources.open(f.secondary()),
                                            f.failoverAfter()));
                }
                source = io.eventdesk.adapters.marketdata.live.LiveSources.all(ports);
                clock = wall::instant; // the service's clock is the wall's: an adapter
            } else {
                List<MarketDataFeeds.OwnFeed> own = BacktestRunner.ownFeeds(config, plugins);
                io.eventdesk.domain.port.MarketDataFeedPort live = MarketDataFeeds.open(config.data(), own, quality);
                for (long i = 0; earlier != null && i < earlier.marketEvents() && live.hasNext(); i++) {
                    live.next(); // the earlier session took these
                }
                MarketDataFeeds.Replay replay = MarketDataFeeds.replay(live, svc.speed(), wall);
                source = replay.source();
                clock = replay.clock();
            }
            journal = BacktestRunner.journal(config, out, status, plugins, "service");
            LiveMarketDataPort fed = source;
            java.util.function.Supplier<Map<String, Object>> qualityNow = () -> {
                Map<String, Object> q = new java.util.LinkedHashMap<>(quality.toMap());
                if (liveMode) { // what the exchange streams counted, in the same report
                    LiveMarketDataPort.Status st = fed.status();
                    q.put("live", Map.of("source", st.source(), "counters", st.counters()));
                }
                return q;
            };
            artifacts = RunArtifacts.directory(out, BacktestRunner.resultsSpec(config), qualityNow, config.file());
            BacktestRequest request = request(config, strategies, venue, journal, artifacts);
            session = new DeskSession(request, clock);
            if (earlier == null) {
                session.start();
            } else {
                io.eventdesk.domain.port.MarketDataFeedPort taken0 = liveMode
                        ? MarketDataFeeds.arrivals(arrivals(out), earlier.marketEvents())
                        : MarketDataFeeds.openInline(config.data(), BacktestRunner.ownFeeds(config, plugins), quality);
                long taken = session.resume(
                        io.eventdesk.adapters.persistence.EventJournals.committedPrefix(earlier.url(), earlier.runId()),
                        taken0);
                if (taken != earlier.marketEvents()) {
                    throw new IllegalStateException("the recovered session took " + taken + " market data records,"
                            + " its registry says " + earlier.marketEvents());
                }
                LOG.info("recovered session {}: {} market data records and its inputs", earlier.runId(), taken);
            }
            DeskSession s = session;
            MarketDataRecorder rec = liveMode ? new MarketDataRecorder(out.resolve(RECORDED)) : null;
            MarketDataFeeds.ArrivalsWriter log = null;
            if (liveMode) {
                long keep = earlier == null ? 0 : earlier.marketEvents();
                if (keep > 0) { // the files per kind again from what the recovered session took
                    try (var before = MarketDataFeeds.arrivals(arrivals(out), keep)) {
                        while (before.hasNext()) {
                            rec.onMarketData(before.next());
                        }
                    }
                }
                log = MarketDataFeeds.arrivalsWriter(arrivals(out), keep);
            }
            MarketDataFeeds.ArrivalsWriter arrivalLog = log;
            recorder = rec;
            arrivalsLog = log;
            source.start(new LiveMarketDataPort.Listener() {
                @Override
                public void onMarketData(MarketData data) {
                    if (rec != null) {
                        arrivalLog.accept(data); // in the order the session takes it: what it resumes from
                        rec.onMarketData(data); // and per kind, for backtests
                    }
                    s.onMarketData(data);
                }

                @Override
                public void onSwitch(String from, String to, String reason) {
                    LOG.warn("market data switched from {} to {}: {}", from, to, reason);
                    try {
                        s.onFeedSwitch(from, to, reason);
                    } catch (IllegalStateException finished) {
                        // the session ended meanwhile
                    }
                }

                @Override
                public void onEnd(RuntimeException failure) {
                    if (failure != null) {
                        LOG.error("the market data source failed: {}", failure.getMessage());
                    } else {
                        LOG.info("the market data source reached its end");
                    }
                }
            });
            if (svc.redisUrl() != null) {
                String desk = svc.desk() != null ? svc.desk() : config.name();
                String origin = config.name() + "@"
                        + out.toAbsolutePath(); // the same after a restart: its daily PnL replaces its own
                try {
                    shared = io.eventdesk.adapters.state.redis.SharedStates.redis(svc.redisUrl(), desk, origin);
                    session.share(shared);
                } catch (IllegalStateException e) {
                    throw new BadInputException(src, 0, "service.redis-url", e.getMessage());
                }
            }
            LiveMarketDataPort feed = source;
            HttpApi api = HttpApi.start(
                    new ApiSettings(
                            bind,
                            svc.port(),
                            token,
                            svc.maxBodyBytes(),
                            32,
                            config.instruments(),
                            () -> wall.instant(),
                            svc.maxFeedSilence(),
                            100_000,
                            Duration.ofSeconds(1),
                            8),
                    new DeskApi(
                            s,
                            s,
                            s,
                            s,
                            new io.eventdesk.application.engine.FollowJournalService(tail(config, out, status)),
                            feed::status,
                            s::failure,
                            s::sharedStore,
                            s::sharedProblem,
                            s::uncountedProcesses));
            return new ServiceRunner(status, session, source, api, svc, shared, recorder, arrivalsLog, config);
        } catch (IOException e) {
            RuntimeException bad = new BadInputException(
                    src,
                    0,
                    "service.port",
                    "cannot listen on " + svc.bind() + ":" + svc.port() + ": " + e.getMessage());
            abandon(status, session, source, shared, journal, artifacts, bad);
            throw bad;
        } catch (RuntimeException e) {
            abandon(status, session, source, shared, journal, artifacts, e);
            throw e;
        }
    }

    private static void abandon(
            RunFolderStatus status,
            DeskSession session,
            LiveMarketDataPort source,
            io.eventdesk.domain.port.SharedTradingStatePort shared,
            EventJournalPort journal,
            RunArtifactsPort artifacts,
            RuntimeException cause) {
        if (source != null) {
            source.close();
        }
        if (shared != null) {
            shared.close();
        }
        if (session != null) {
            try {
                session.finish();
            } catch (RuntimeException e) {
                cause.addSuppressed(e);
            }
        } else {
            if (journal != null) {
                journal.close();
            }
            if (artifacts != null) {
                artifacts.close();
            }
        }
        status.failed(cause);
    }

    /** The session's journal followed through its store (the embedded file, or the shared one under the run's id). */
    private static io.eventdesk.domain.port.JournalTailPort tail(
            BacktestConfig config, Path out, RunFolderStatus status) {
        if (config.journal().plugin() != null) {
            return (after, limit) -> List.of(); // a journal of the user's own: not readable here
        }
        return config.journalUrl() == null
                ? io.eventdesk.adapters.persistence.EventJournals.tail(
                        io.eventdesk.adapters.persistence.EventJournals.sqliteUrl(
                                out.resolve(BacktestRunner.JOURNAL_FILE)),
                        config.name())
                : io.eventdesk.adapters.persistence.EventJournals.tail(config.journalUrl(), status.runId());
    }

    /** The session a folder held, to recover: where its journal is, its run id, the market data it took. */
    private record Earlier(String url, String runId, long marketEvents) {
        static Earlier of(BacktestConfig config, Path out) {
            String src = config.file().toString();
            String url;
            String runId;
            if (config.journalUrl() != null) {
                Path status = out.resolve(RunFolderStatus.STATUS);
                try {
                    com.fasterxml.jackson.databind.JsonNode n =
                            new com.fasterxml.jackson.databind.ObjectMapper().readTree(status.toFile());
                    runId = n.path("journal_run_id").asText(null);
                } catch (IOException e) {
                    runId = null;
                }
                url = config.journalUrl();
            } else {
                Path db = out.resolve(BacktestRunner.JOURNAL_FILE);
                if (!Files.isRegularFile(db)) {
                    throw new BadInputException(
                            out.toString(),
                            0,
                            null,
                            "--resume: no session here to recover (no " + BacktestRunner.JOURNAL_FILE + ")");
                }
                Path kept = out.resolve("journal-previous.db");
                try {
                    for (String suffix : new String[] {"", "-wal", "-shm"}) {
                        Path from = out.resolve(BacktestRunner.JOURNAL_FILE + suffix);
                        Path to = out.resolve("journal-previous.db" + suffix);
                        Files.deleteIfExists(to);
                        if (Files.exists(from)) {
                            Files.move(from, to);
                        }
                    }
                } catch (IOException e) {
                    throw new BadInputException(
                            out.toString(),
                            0,
                            null,
                            "--resume: cannot set the earlier journal" + " aside: " + e.getMessage());
                }
                url = io.eventdesk.adapters.persistence.EventJournals.sqliteUrl(kept);
                List<String> ids = io.eventdesk.adapters.persistence.EventJournals.runIds(url);
                runId = ids.isEmpty() ? null : ids.get(ids.size() - 1);
            }
            io.eventdesk.domain.run.RunRecord run =
                    runId == null ? null : io.eventdesk.adapters.persistence.EventJournals.run(url, runId);
            if (run == null) {
                throw new BadInputException(out.toString(), 0, null, "--resume: no session here to recover");
            }
            if (!"service".equals(run.kind())) {
                throw new BadInputException(
                        src,
                        0,
                        null,
                        "--resume: the folder holds a " + run.kind() + ", not a session of eventdesk serve");
            }
            return new Earlier(url, runId, run.marketEvents());
        }
    }

    /** The desk a session of {@code config} runs: no feed of its own (a live source feeds it), no timed commands. */
    private static BacktestRequest request(
            BacktestConfig config,
            Map<String, Strategy> strategies,
            ExecutionVenuePort venue,
            EventJournalPort journal,
            RunArtifactsPort artifacts) {
        return new BacktestRequest(
                config.name(),
                config.seed(),
                config.initialCash(),
                config.instruments(),
                null,
                venue,
                journal,
                artifacts,
                strategies,
                config.risk(),
                List.of(),
                Map.of(),
                config.sizing(),
                config.account(),
                config.sessions());
    }

    /**
     * A finished session re-run from its journal ({@code sessionUrl}, {@code sessionRunId}) through a fresh desk of
     * {@code config}, into the run folder {@code out} with a journal of its own.
     *
     * @param summary the re-run's summary, its journal digest among it
     * @param sessionDigest the session's digest, as its journal recorded it
     */
    public record Rerun(RunSummary summary, String sessionDigest) {}

    public static Rerun rerun(
            BacktestConfig config, String sessionUrl, String sessionRunId, Path out, ClassLoader plugins) {
        return rerun(config, sessionUrl, sessionRunId, null, out, plugins);
    }

    /**
     * As {@link #rerun(BacktestConfig, String, String, Path, ClassLoader)}; a live session's market data comes from
     * its run folder {@code sessionFolder} (the order it took it in), a replay's from the config's files.
     */
    public static Rerun rerun(
            BacktestConfig config,
            String sessionUrl,
            String sessionRunId,
            Path sessionFolder,
            Path out,
            ClassLoader plugins) {
        boolean live = !config.liveFeeds().isEmpty();
        if (live && (sessionFolder == null || !Files.isRegularFile(arrivals(sessionFolder)))) {
            throw new BadInputException(
                    config.file().toString(),
                    0,
                    config.liveFeeds().get(0).key() + ".source",
                    "a live session is re-run from the market data its run folder recorded ("
                            + RECORDED + "/arrivals.jsonl): give the session's run folder"
                            + (sessionFolder == null ? "" : "; " + sessionFolder + " has none"));
        }
        io.eventdesk.domain.run.RunRecord session =
                io.eventdesk.adapters.persistence.EventJournals.run(sessionUrl, sessionRunId);
        if (session == null) {
            throw new BadInputException(sessionUrl, 0, null, "no run '" + sessionRunId + "' here");
        }
        if (!"service".equals(session.kind())) {
            throw new BadInputException(
                    sessionUrl,
                    0,
                    null,
                    "run '" + sessionRunId + "' is a " + session.kind() + ", not a session of"
                            + " eventdesk serve: run the backtest again instead");
        }
        Map<String, Strategy> strategies = BacktestRunner.strategies(config, plugins, new ArrayList<>());
        RunFolderStatus status = RunFolderStatus.begin(out, config.name());
        EventJournalPort journal = null;
        RunArtifactsPort artifacts = null;
        try {
            DataQualityReport quality = new DataQualityReport();
            List<MarketDataFeeds.OwnFeed> own = BacktestRunner.ownFeeds(config, plugins);
            ExecutionVenuePort venue = BacktestRunner.venue(config, plugins);
            journal = BacktestRunner.journal(config, out, status, plugins, "rerun");
            artifacts = RunArtifacts.directory(out, BacktestRunner.resultsSpec(config), quality::toMap, config.file());
            RunSummary summary = new io.eventdesk.application.engine.RerunSessionService()
                    .rerun(
                            request(config, strategies, venue, journal, artifacts),
                            io.eventdesk.adapters.persistence.EventJournals.history(sessionUrl, sessionRunId),
                            live
                                    ? MarketDataFeeds.arrivals(arrivals(sessionFolder), -1)
                                    : MarketDataFeeds.openInline(config.data(), own, quality));
            status.finished();
            return new Rerun(summary, session.digest());
        } catch (RuntimeException e) {
            status.failed(e);
            throw e;
        }
    }

    /** The bearer token: the first line of {@code service.token-file}, or the environment variable; never the config. */
    private static String token(BacktestConfig config, Function<String, String> env) {
        ServiceSettings svc = config.service();
        String src = config.file().toString();
        String token;
        String key;
        if (svc.tokenFile() != null) {
            key = "service.token-file";
            try {
                List<String> lines = Files.readAllLines(svc.tokenFile(), StandardCharsets.UTF_8);
                token = lines.isEmpty() ? "" : lines.get(0).strip();
            } catch (IOException e) {
                throw new BadInputException(src, 0, key, "cannot read the token file " + svc.tokenFile());
            }
        } else {
            key = "service.token-env";
            String v = env.apply(svc.tokenEnv());
            token = v == null ? "" : v.strip();
            if (token.isEmpty()) {
                throw new BadInputException(
                        src,
                        0,
                        key,
                        "no token: set " + svc.tokenEnv() + " (or service.token-file) to a secret of at"
                                + " least 16 characters; every route but health and metrics needs it");
            }
        }
        if (token.length() < 16) {
            throw new BadInputException(src, 0, key, "the token must be at least 16 characters long");
        }
        return token;
    }

    /** The port the API listens on. */
    public int port() {
        return api.port();
    }

    /** The address the API listens on, as configured. */
    public String bind() {
        return settings.bind();
    }

    /** Why the desk stopped, or null while it runs. */
    public RuntimeException failure() {
        return session.failure();
    }

    /** Stops the API and the source, then finishes the run. Idempotent. */
    public synchronized RunSummary stop() {
        if (summary != null) {
            return summary;
        }
        api.close();
        source.close();
        if (recorder != null) {
            arrivals.close();
            recorder.finish(config);
        }
        if (shared != null) {
            shared.close();
        }
        RuntimeException failure = session.failure();
        if (failure != null) {
            status.failed(failure);
            throw failure;
        }
        summary = session.finish();
        status.finished();
        return summary;
    }

    @Override
    public void close() {
        stop();
    }
}
