package io.eventdesk.bootstrap.config;

import io.eventdesk.adapters.broker.paper.BarPath;
import io.eventdesk.adapters.broker.paper.CommissionModel;
import io.eventdesk.adapters.broker.paper.FeeSchedule;
import io.eventdesk.adapters.broker.paper.LatencyModel;
import io.eventdesk.adapters.broker.paper.PaperVenueConfig;
import io.eventdesk.adapters.broker.paper.SlippageModel;
import io.eventdesk.adapters.broker.paper.TradingSession;
import io.eventdesk.domain.instrument.Instrument;
import io.eventdesk.domain.instrument.InstrumentId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the {@code execution} section into the paper venue's configuration. The skeleton's short keys
 * ({@code latency-ms}, {@code slippage-bps}, {@code commission}) still work; each has a long form
 * ({@code latency}, {@code slippage}, {@code fees}), and giving both forms of one setting is an error.
 */
final class ExecutionConfigReader {
    private ExecutionConfigReader() {}

    static PaperVenueConfig read(ConfigNode n, Map<InstrumentId, Instrument> instruments, long runSeed) {
        if (n.isMissing()) {
            return PaperVenueConfig.frictionless();
        }
        n.object(
                "latency-ms",
                "latency",
                "slippage-bps",
                "slippage",
                "commission",
                "fees",
                "participation",
                "bar-path",
                "sessions");
        return new PaperVenueConfig(
                latency(n, runSeed),
                slippage(n),
                participation(n.get("participation")),
                fees(n, instruments),
                barPath(n.get("bar-path")),
                session(n.get("sessions").get("default"), TradingSession.utcDay()),
                sessions(n.get("sessions"), instruments));
    }

    private static void oneOf(ConfigNode n, String shortKey, String longKey) {
        if (!n.get(shortKey).isMissing() && !n.get(longKey).isMissing()) {
            throw n.get(longKey).error("give either " + shortKey + " or " + longKey + ", not both");
        }
    }

    private static LatencyModel latency(ConfigNode n, long runSeed) {
        oneOf(n, "latency-ms", "latency");
        if (n.get("latency").isMissing()) {
            return LatencyModel.fixed(Duration.ofMillis(millis(n.get("latency-ms"))));
        }
        ConfigNode l = n.get("latency").object("submit-ms", "cancel-ms", "replace-ms", "jitter", "seed");
        Duration submit = Duration.ofMillis(millis(l.get("submit-ms")));
        Duration cancel = l.get("cancel-ms").isMissing() ? submit : Duration.ofMillis(millis(l.get("cancel-ms")));
        Duration replace = l.get("replace-ms").isMissing() ? submit : Duration.ofMillis(millis(l.get("replace-ms")));
        LatencyModel.Jitter jitter = new LatencyModel.Jitter.None();
        if (!l.get("jitter").isMissing()) {
            ConfigNode j = l.get("jitter").object("distribution", "ms");
            String distribution = j.get("distribution").choice(null, "uniform", "exponential");
            long ms = millis(j.get("ms"));
            if (ms == 0) {
                throw j.get("ms").error("must be positive, got 0");
            }
            jitter = distribution.equals("uniform")
                    ? new LatencyModel.Jitter.Uniform(Duration.ofMillis(ms))
                    : new LatencyModel.Jitter.Exponential(Duration.ofMillis(ms));
        }
        return new LatencyModel(submit, cancel, replace, jitter, l.get("seed").integer(runSeed));
    }

    private static long millis(ConfigNode n) {
        long ms = n.integer(0);
        if (ms < 0) {
            throw n.error("must not be negative, got " + ms);
        }
        return ms;
    }

    private static SlippageModel slippage(ConfigNode n) {
        oneOf(n, "slippage-bps", "slippage");
        if (n.get("slippage").isMissing()) {
            return new SlippageModel.FixedBps(n.get("slippage-bps").nonNegativeDecimal(BigDecimal.ZERO));
        }
        ConfigNode s = n.get("slippage");
        String model = s.get("model").choice(null, "fixed-bps", "spread", "square-root");
        return switch (model) {
            case "fixed-bps" -> {
                s.object("model", "bps");
                yield new SlippageModel.FixedBps(required(s.get("bps")));
            }
            case "spread" -> {
                s.object("model", "default-spread-bps");
                yield new SlippageModel.Spread(s.get("default-spread-bps").nonNegativeDecimal(BigDecimal.ZERO));
            }
            default -> {
                s.object("model", "coefficient");
                yield new SlippageModel.SquareRoot(required(s.get("coefficient")));
            }
        };
    }

    private static BigDecimal required(ConfigNode n) {
        BigDecimal v = n.nonNegativeDecimal(null);
        if (v == null) {
            throw n.error("missing (required)");
        }
        return v;
    }

    private static BigDecimal participation(ConfigNode n) {
        if (n.isMissing()) {
            return null;
        }
        BigDecimal p = n.positiveDecimal();
        if (p.compareTo(BigDecimal.ONE) > 0) {
            throw n.error("a fraction of the volume, within (0, 1], got " + p.toPlainString());
        }
        return p;
    }

    private static FeeSchedule fees(ConfigNode n, Map<InstrumentId, Instrument> instruments) {
        oneOf(n, "commission", "fees");
        if (n.get("fees").isMissing()) {
            return FeeSchedule.of(
                    n.get("commission").isMissing() ? CommissionModel.none() : commission(n.get("commission")));
        }
        ConfigNode f = n.get("fees").object("default", "instruments");
        CommissionModel fallback = f.get("default").isMissing() ? CommissionModel.none() : commission(f.get("default"));
        Map<InstrumentId, CommissionModel> own = new LinkedHashMap<>();
        if (!f.get("instruments").isMissing()) {
            f.get("instruments")
                    .entries()
                    .forEach((id, node) -> own.put(instrument(node, id, instruments), commission(node)));
        }
        return new FeeSchedule(fallback, own);
    }

    private static CommissionModel commission(ConfigNode c) {
        String type = c.get("type").choice(null, "bps", "per-unit", "per-contract", "maker-taker");
        BigDecimal minimum;
        if (type.equals("maker-taker")) {
            c.object("type", "maker-bps", "taker-bps", "minimum");
            minimum = c.get("minimum").nonNegativeDecimal(BigDecimal.ZERO);
            return ConfigNode.value(
                    c,
                    () -> new CommissionModel.MakerTaker(
                            required(c.get("maker-bps")), required(c.get("taker-bps")), minimum));
        }
        c.object("type", "rate", "minimum");
        BigDecimal rate = required(c.get("rate"));
        minimum = c.get("minimum").nonNegativeDecimal(BigDecimal.ZERO);
        return ConfigNode.value(
                c,
                () -> type.equals("bps")
                        ? new CommissionModel.Bps(rate, minimum)
                        : new CommissionModel.PerUnit(rate, minimum)); // per-contract: per unit of a future
    }

    private static BarPath barPath(ConfigNode n) {
        return switch (n.choice("auto", "auto", "ohlc", "olhc")) {
            case "ohlc" -> BarPath.HIGH_FIRST;
            case "olhc" -> BarPath.LOW_FIRST;
            default -> BarPath.NEARER_EXTREME_FIRST;
        };
    }

    private static Map<InstrumentId, TradingSession> sessions(ConfigNode n, Map<InstrumentId, Instrument> instruments) {
        Map<InstrumentId, TradingSession> own = new LinkedHashMap<>();
        if (n.isMissing()) {
            return own;
        }
        n.object("default", "instruments");
        if (!n.get("instruments").isMissing()) {
            n.get("instruments")
                    .entries()
                    .forEach((id, node) -> own.put(instrument(node, id, instruments), session(node, null)));
        }
        return own;
    }

    private static TradingSession session(ConfigNode n, TradingSession fallback) {
        if (n.isMissing()) {
            return fallback;
        }
        n.object("timezone", "end");
        ZoneId zone = ConfigNode.value(
                n.get("timezone"), () -> ZoneId.of(n.get("timezone").text("UTC")));
        LocalTime end = ConfigNode.value(
                n.get("end"), () -> LocalTime.parse(n.get("end").text("00:00")));
        return new TradingSession(zone, end);
    }

    private static InstrumentId instrument(ConfigNode node, String id, Map<InstrumentId, Instrument> instruments) {
        InstrumentId key = ConfigNode.value(node, () -> InstrumentId.of(id));
        if (!instruments.containsKey(key)) {
            throw node.error("unknown instrument '" + id + "' (defined: " + instruments.keySet() + ")");
        }
        return key;
    }
}
