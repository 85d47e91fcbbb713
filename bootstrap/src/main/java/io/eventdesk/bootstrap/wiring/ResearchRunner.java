package io.eventdesk.bootstrap.wiring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventdesk.adapters.marketdata.DataQualityReport;
import io.eventdesk.adapters.marketdata.MarketDataFeeds;
import io.eventdesk.adapters.persistence.EventJournals;
import io.eventdesk.adapters.persistence.RunArtifacts;
import io.eventdesk.application.engine.RunBacktestService;
import io.eventdesk.application.research.Combination;
import io.eventdesk.application.usecase.BacktestRequest;
import io.eventdesk.bootstrap.config.BacktestConfig;
import io.eventdesk.bootstrap.config.ConfigLoader;
import io.eventdesk.bootstrap.config.StrategySpec;
import io.eventdesk.domain.error.BadInputException;
import io.eventdesk.domain.market.MarketData;
import io.eventdesk.domain.port.MarketDataFeedPort;
import io.eventdesk.domain.results.RunResults;
import io.eventdesk.domain.strategy.Strategy;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a config many times over the same market data, read and validated once and shared read-only by every run:
 * each run takes the config with some values changed (a sweep's combination, a window's cash), builds its own
 * strategies and venue, and runs the engine with no journal and no files, its results computed in memory. Thread
 * safe: runs may go on at once.
 */
public final class ResearchRunner {
    private final Path file;
    private final JsonNode tree;
    private final BacktestConfig base;
    private final List<MarketData> data;
    private final ClassLoader plugins;

    private ResearchRunner(Path file, JsonNode tree, BacktestConfig base, List<MarketData> data, ClassLoader plugins) {
        this.file = file;
        this.tree = tree;
        this.base = base;
        this.data = data;
        this.plugins = plugins;
    }

    /** Reads the config and its market data (once); the readers' findings go to {@code quality}. */
    public static ResearchRunner prepare(Path file, ClassLoader plugins, DataQualityReport quality) {
        JsonNode tree = ConfigLoader.tree(file);
        BacktestConfig base = ConfigLoader.load(file, tree);
        BacktestRunner.refuseLive(base);
        if (base.strategies().isEmpty()) {
            throw new BadInputException(file.toString(), 0, "strategy", "a sweep needs a strategy to run");
        }
        for (StrategySpec s : base.strategies()) {
            if (s.type().equals(BacktestRunner.SIGNALS)) {
                throw new BadInputException(
                        file.toString(), 0, s.key(), "a file of signals has no parameters to sweep: sweep a strategy");
            }
        }
        List<MarketData> data = new ArrayList<>();
        try (MarketDataFeedPort feed =
                MarketDataFeeds.open(base.data(), BacktestRunner.ownFeeds(base, plugins), quality)) {
            while (feed.hasNext()) {
                data.add(feed.next());
            }
        }
        if (data.isEmpty()) {
            throw new BadInputException(file.toString(), 0, "data", "no market data to run on");
        }
        return new ResearchRunner(file, tree, base, Collections.unmodifiableList(data), plugins);
    }

    public Path file() {
        return file;
    }

    public BacktestConfig base() {
        return base;
    }

    /** When the data starts (its first record's open) and ends (its last record's known time). */
    public Instant dataStart() {
        return data.get(0).openTime();
    }

    public Instant dataEnd() {
        return data.get(data.size() - 1).knownTime();
    }

    /** How many market data records there are. */
    public int records() {
        return data.size();
    }

    /** The config tree with {@code values} set at their paths, the run's {@code seed}, and its initial cash if given. */
    public JsonNode treeWith(Map<String, Object> values, long seed, BigDecimal initialCash) {
        JsonNode copy = tree.deepCopy();
        for (Map.Entry<String, Object> e : values.entrySet()) {
            set(copy, e.getKey(), e.getValue());
        }
        ((ObjectNode) copy).put("seed", seed);
        if (initialCash != null) {
            set(copy, "account.initial-cash", initialCash);
        }
        return copy;
    }

    /** The config of {@code tree} (validated as a config file is). */
    public BacktestConfig config(JsonNode tree) {
        return ConfigLoader.load(file, tree);
    }

    /** Runs {@code c} over all the data; its results. */
    public RunResults run(Combination c) {
        return run(c.values(), c.seed(), null, null, null);
    }

    /**
     * Runs the config with {@code values} over the data known from {@code from} (inclusive) to {@code to}
     * (exclusive); null bounds are the data's own; {@code initialCash} null keeps the config's.
     */
    public RunResults run(Map<String, Object> values, long seed, Instant from, Instant to, BigDecimal initialCash) {
        BacktestConfig cfg = config(treeWith(values, seed, initialCash));
        List<StrategySpec> files = new ArrayList<>();
        Map<String, Strategy> strategies = BacktestRunner.strategies(cfg, plugins, files);
        List<MarketData> slice = slice(from, to);
        if (slice.isEmpty()) {
            throw new BadInputException(file.toString(), 0, "data", "no market data from " + from + " to " + to);
        }
        AtomicReference<RunResults> results = new AtomicReference<>();
        BacktestRequest request = new BacktestRequest(
                cfg.name(),
                cfg.seed(),
                cfg.initialCash(),
                cfg.instruments(),
                MarketDataFeeds.inMemory(slice, "the sweep's market data"),
                BacktestRunner.venue(cfg, plugins),
                EventJournals.disabled(),
                RunArtifacts.resultsOnly(BacktestRunner.resultsSpec(cfg), results::set),
                strategies,
                cfg.risk(),
                cfg.killSwitch(),
                Map.of(),
                cfg.sizing(),
                cfg.account(),
                cfg.sessions());
        new RunBacktestService().run(request);
        return results.get();
    }

    /**
     * The records of the span from {@code from} (inclusive) to {@code to} (exclusive) by their open: a bar that opened
     * at 23:59 belongs to its day, though it is known at midnight.
     */
    private List<MarketData> slice(Instant from, Instant to) {
        int a = 0;
        if (from != null) {
            a = firstKnownAfter(from, true);
            while (a < data.size() && data.get(a).openTime().isBefore(from)) {
                a++;
            }
        }
        int b = data.size();
        if (to != null) {
            b = firstKnownAfter(to, false);
            while (b > a && !data.get(b - 1).openTime().isBefore(to)) {
                b--;
            }
        }
        return data.subList(a, Math.max(a, b));
    }

    /** The first record known at or after {@code t} ({@code atOrAfter}), else the first known after it. */
    private int firstKnownAfter(Instant t, boolean atOrAfter) {
        int lo = 0;
        int hi = data.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            Instant k = data.get(mid).knownTime();
            if (atOrAfter ? k.isBefore(t) : !k.isAfter(t)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Sets {@code value} at {@code path} ({@code a.b[1].c}) in {@code tree}; the sections on the way must exist. */
    static void set(JsonNode tree, String path, Object value) {
        String[] parts = path.split("\\.");
        JsonNode at = tree;
        for (int i = 0; i < parts.length - 1; i++) {
            at = io.eventdesk.bootstrap.config.SweepConfigReader.step(at, parts[i]);
            if (at == null || !at.isObject()) {
                throw new BadInputException("sweep", 0, path, "unknown parameter path");
            }
        }
        ObjectNode parent = (ObjectNode) at;
        String key = parts[parts.length - 1];
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (value instanceof Long l) {
            parent.set(key, f.numberNode(l));
        } else if (value instanceof Integer i) {
            parent.set(key, f.numberNode(i));
        } else if (value instanceof BigDecimal d) {
            parent.set(key, f.numberNode(d));
        } else if (value instanceof Boolean b) {
            parent.set(key, f.booleanNode(b));
        } else {
            parent.set(key, f.textNode(String.valueOf(value)));
        }
    }
}
