package io.eventdesk.domain.strategy.builtin;

import io.eventdesk.domain.strategy.Strategy;
import io.eventdesk.domain.strategy.StrategyParameters;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/** The strategies that ship with eventdesk, by their {@code strategy.type} name. */
public final class BuiltinStrategies {
    private static final Map<String, Function<StrategyParameters, Strategy>> FACTORIES = new TreeMap<>(Map.of(
            "sma-cross", SmaCrossStrategy::new,
            "momentum", MomentumStrategy::new));

    private BuiltinStrategies() {}

    public static Set<String> names() {
        return FACTORIES.keySet();
    }

    /** The built-in strategy of that name configured with {@code params}, or empty if there is none. */
    public static Optional<Strategy> create(String name, StrategyParameters params) {
        return Optional.ofNullable(FACTORIES.get(name)).map(f -> f.apply(params));
    }
}
