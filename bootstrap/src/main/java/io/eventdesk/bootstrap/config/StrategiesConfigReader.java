package io.eventdesk.bootstrap.config;

import io.eventdesk.domain.sizing.Sizing;
import io.eventdesk.domain.strategy.StrategyParameters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads {@code strategy} or {@code strategies} with their parameters, and {@code sizing}. */
final class StrategiesConfigReader {
    private StrategiesConfigReader() {}

    /**
     * {@code strategy} (one, its id its type's simple name) or {@code strategies} (a list with ids), not both; neither
     * only in a config with a {@code service} section, whose signals come from its API.
     */
    static List<StrategySpec> read(ConfigNode root) {
        ConfigNode one = root.get("strategy");
        ConfigNode many = root.get("strategies");
        if (one.isMissing() && many.isMissing() && !root.get("service").isMissing()) {
            return List.of(); // a service may take all its signals from its API
        }
        if (one.isMissing() == many.isMissing()) {
            throw (one.isMissing() ? root.get("strategy") : many)
                    .error("give either strategy (one) or strategies (a list with ids), "
                            + (one.isMissing() ? "not neither" : "not both"));
        }
        List<StrategySpec> out = new ArrayList<>();
        if (!one.isMissing()) {
            one.object("type", "params");
            String type = one.get("type").text();
            out.add(new StrategySpec(type.substring(type.lastIndexOf('.') + 1), type, params(one), "strategy.type"));
            return out;
        }
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (ConfigNode n : many.list()) {
            n.object("id", "type", "params");
            String id = n.get("id").text();
            if (!id.matches("[A-Za-z0-9._-]{1,64}")) {
                throw n.get("id").error("use 1-64 letters, digits, '.', '_' or '-', got '" + id + "'");
            }
            if (!ids.add(id)) {
                throw n.get("id").error("strategy id '" + id + "' is used twice");
            }
            out.add(new StrategySpec(id, n.get("type").text(), params(n), n.path() + ".type"));
        }
        return out;
    }

    private static StrategyParameters params(ConfigNode strategy) {
        Map<String, String> params = new LinkedHashMap<>();
        if (!strategy.get("params").isMissing()) {
            strategy.get("params").entries().forEach((k, v) -> params.put(k, v.scalar()));
        }
        return new StrategyParameters(strategy.get("params").path(), params);
    }

    static Sizing sizing(ConfigNode n) {
        if (n.isMissing()) {
            return new Sizing.Fixed();
        }
        n.object("type", "exposure", "target-risk", "lookback");
        String type = n.get("type").choice(null, "fixed", "target-exposure", "volatility");
        switch (type) {
            case "fixed" -> {
                for (String k : List.of("exposure", "target-risk", "lookback")) {
                    if (!n.get(k).isMissing()) {
                        throw n.get(k).error("not used by fixed sizing");
                    }
                }
                return new Sizing.Fixed();
            }
            case "target-exposure" -> {
                return new Sizing.TargetExposure(n.get("exposure").positiveDecimal());
            }
            default -> {
                long lookback = n.get("lookback").integer(20);
                if (lookback < 2 || lookback > 100_000) {
                    throw n.get("lookback").error("expected 2 to 100000 bars, got " + lookback);
                }
                return new Sizing.Volatility(n.get("target-risk").positiveDecimal(), (int) lookback);
            }
        }
    }
}
