package io.eventdesk.bootstrap.config;

import io.eventdesk.domain.error.BadInputException;
import io.eventdesk.domain.instrument.Instrument;
import io.eventdesk.domain.instrument.InstrumentId;
import io.eventdesk.domain.risk.BreachAction;
import io.eventdesk.domain.risk.ImmutableRiskLimits;
import io.eventdesk.domain.risk.RiskLimits;
import io.eventdesk.domain.value.Quantity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads {@code risk}: the global limits, the breach actions, and the limits of single strategies and instruments.
 * Values are validated by {@link RiskLimits} itself; its message is mapped back to the key it names.
 */
final class RiskConfigReader {
    private RiskConfigReader() {}

    static RiskLimits read(
            ConfigNode n, Map<InstrumentId, Instrument> instruments, List<StrategySpec> strategies, boolean global) {
        ImmutableRiskLimits.Builder b = RiskLimits.builder();
        if (n.isMissing()) {
            return b.build();
        }
        List<String> keys = new ArrayList<>(List.of(
                "max-order-quantity",
                "max-position",
                "max-leverage",
                "max-drawdown",
                "max-order-notional",
                "max-gross-exposure",
                "max-net-exposure",
                "max-concentration",
                "daily-loss-limit",
                "price-band-bps",
                "throttle"));
        if (global) {
            keys.addAll(List.of("on-daily-loss", "on-drawdown", "strategies", "instruments"));
        }
        n.object(keys.toArray(String[]::new));
        if (!n.get("strategies").isMissing()) {
            n.get("strategies").entries().forEach((id, node) -> {
                if (strategies.stream().noneMatch(sp -> sp.id().equals(id))) {
                    throw node.error("no strategy with id '" + id + "' (strategies: "
                            + strategies.stream().map(StrategySpec::id).toList() + ")");
                }
                b.putStrategies(id, read(node, instruments, strategies, false));
            });
        }
        if (!n.get("instruments").isMissing()) {
            n.get("instruments").entries().forEach((id, node) -> {
                Instrument ins = instruments.get(ConfigNode.value(node, () -> InstrumentId.of(id)));
                if (ins == null) {
                    throw node.error("unknown instrument '" + id + "' (defined: " + instruments.keySet() + ")");
                }
                b.putInstruments(ins.id(), read(node, instruments, strategies, false));
            });
        }
        if (!n.get("on-daily-loss").isMissing()) {
            b.onDailyLoss(breach(n.get("on-daily-loss")));
        }
        if (!n.get("on-drawdown").isMissing()) {
            b.onDrawdown(breach(n.get("on-drawdown")));
        }
        if (!n.get("max-order-notional").isMissing()) {
            b.maxOrderNotional(n.get("max-order-notional").decimal());
        }
        if (!n.get("max-gross-exposure").isMissing()) {
            throw n.get("max-gross-exposure")
                    .error("this limit is risk.max-leverage, which computes the same ratio (gross exposure / equity"
                            + " after the order): write max-leverage: "
                            + n.get("max-gross-exposure").text()
                            + " instead");
        }
        if (!n.get("max-net-exposure").isMissing()) {
            b.maxNetExposure(n.get("max-net-exposure").decimal());
        }
        if (!n.get("max-concentration").isMissing()) {
            b.maxConcentration(n.get("max-concentration").decimal());
        }
        if (!n.get("daily-loss-limit").isMissing()) {
            b.dailyLossLimit(n.get("daily-loss-limit").decimal());
        }
        if (!n.get("price-band-bps").isMissing()) {
            b.priceBandBps(n.get("price-band-bps").decimal());
        }
        if (!n.get("throttle").isMissing()) {
            ConfigNode t = n.get("throttle").object("orders", "per-seconds");
            long orders = t.get("orders").integer(-1);
            long seconds = t.get("per-seconds").integer(-1);
            if (orders <= 0 || orders > Integer.MAX_VALUE) {
                throw t.get("orders").error("a positive whole number of orders is required");
            }
            if (seconds <= 0) {
                throw t.get("per-seconds").error("a positive whole number of seconds is required");
            }
            b.throttle(ConfigNode.value(t, () -> new RiskLimits.Throttle((int) orders, Duration.ofSeconds(seconds))));
        }
        if (!n.get("max-order-quantity").isMissing()) {
            b.maxOrderQuantity(Quantity.of(n.get("max-order-quantity").decimal()));
        }
        if (!n.get("max-position").isMissing()) {
            n.get("max-position").entries().forEach((key, v) -> {
                if (key.equals("default")) {
                    b.defaultMaxPosition(Quantity.of(v.decimal()));
                    return;
                }
                Instrument ins = instruments.get(ConfigNode.value(v, () -> InstrumentId.of(key)));
                if (ins == null) {
                    throw v.error("unknown instrument '" + key + "' (defined: " + instruments.keySet() + ")");
                }
                b.putMaxPosition(ins.id(), Quantity.of(v.decimal()));
            });
        }
        if (!n.get("max-leverage").isMissing()) {
            b.maxLeverage(n.get("max-leverage").decimal());
        }
        if (!n.get("max-drawdown").isMissing()) {
            b.maxDrawdown(n.get("max-drawdown").decimal());
        }
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw atItsKey(n, keys, e);
        }
    }

    /** The limits' own validation message, at the key it begins with ("max-drawdown is a fraction ..."). */
    private static BadInputException atItsKey(ConfigNode n, List<String> keys, IllegalArgumentException e) {
        String message = String.valueOf(e.getMessage());
        for (String key : keys) {
            if (message.startsWith(key + " ")) {
                return n.get(key).error(message.substring(key.length() + 1));
            }
        }
        return n.error(message);
    }

    private static BreachAction breach(ConfigNode n) {
        return BreachAction.valueOf(n.choice(null, "deny", "reduce", "halt", "halt-and-flatten")
                .toUpperCase(Locale.ROOT)
                .replace('-', '_'));
    }
}
