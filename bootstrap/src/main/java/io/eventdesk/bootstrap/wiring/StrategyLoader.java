package io.eventdesk.bootstrap.wiring;

import io.eventdesk.domain.error.BadInputException;
import io.eventdesk.domain.error.StrategyFailure;
import io.eventdesk.domain.strategy.Strategy;
import io.eventdesk.domain.strategy.StrategyParameters;
import io.eventdesk.domain.strategy.builtin.BuiltinStrategies;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;

/**
 * Finds the strategy named by {@code strategy.type}: a built-in by name, or a user's class by its fully qualified
 * name (a public class implementing {@link Strategy} with a public constructor taking {@link StrategyParameters},
 * or none).
 */
public final class StrategyLoader {
    private StrategyLoader() {}

    public static Strategy load(String source, String key, String type, StrategyParameters params) {
        return load(source, key, type, params, StrategyLoader.class.getClassLoader());
    }

    /** As {@link #load(String, String, String, StrategyParameters)}, a user's class found by {@code classes}. */
    public static Strategy load(
            String source, String key, String type, StrategyParameters params, ClassLoader classes) {
        try {
            return find(source, key, type, params, classes);
        } catch (BadInputException e) {
            throw e.in(source); // a parameter's error names its key; the config file is added here
        }
    }

    private static Strategy find(
            String source, String key, String type, StrategyParameters params, ClassLoader classes) {
        var builtin = BuiltinStrategies.create(type, params);
        if (builtin.isPresent()) {
            return builtin.get();
        }
        if (!type.contains(".")) {
            throw bad(
                    source,
                    key,
                    "unknown strategy '" + type + "' (built-in: " + String.join(", ", BuiltinStrategies.names())
                            + "; or the fully qualified name of your own class)");
        }
        Class<? extends Strategy> cls = Plugins.find(source, key, type, Strategy.class, classes);
        try {
            try {
                Constructor<? extends Strategy> withParams = cls.getConstructor(StrategyParameters.class);
                return withParams.newInstance(params);
            } catch (NoSuchMethodException e) {
                if (!params.asMap().isEmpty()) {
                    throw bad(
                            source,
                            key,
                            type + " takes no parameters (it has no constructor taking StrategyParameters)");
                }
                return cls.getConstructor().newInstance();
            }
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof BadInputException b) {
                throw b;
            }
            // a plugin that cannot start is a setup problem, found before the run begins: the key and the class, exit 2
            throw new BadInputException(
                    source,
                    0,
                    key,
                    "strategy " + type + " failed to start: its constructor threw "
                            + StrategyFailure.describe(e.getCause()),
                    e.getCause());
        } catch (NoSuchMethodException | InstantiationException | IllegalAccessException e) {
            throw bad(
                    source,
                    key,
                    type + " needs a public constructor taking StrategyParameters, or a public no-argument one");
        }
    }

    private static BadInputException bad(String source, String key, String problem) {
        return new BadInputException(source, 0, key, problem);
    }
}
