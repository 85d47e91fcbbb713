package io.eventdesk.domain.strategy;

import io.eventdesk.domain.error.BadInputException;
import io.eventdesk.domain.value.Quantity;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A strategy's parameters as given in the config ({@code strategy.params}), with typed accessors whose errors
 * name the key and what was expected.
 */
public final class StrategyParameters {
    private final String path;
    private final Map<String, String> values;

    /**
     * @param path where the parameters come from, used in messages, e.g. {@code config.yaml: strategy.params}
     */
    public StrategyParameters(String path, Map<String, String> values) {
        this.path = path;
        this.values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    public Map<String, String> asMap() {
        return values;
    }

    /** Refuses keys the strategy does not know: a typo must never be silently ignored. */
    public StrategyParameters allowOnly(String... keys) {
        Set<String> allowed = new TreeSet<>(Set.of(keys));
        for (String key : values.keySet()) {
            if (!allowed.contains(key)) {
                throw bad(key, "unknown parameter (expected one of " + String.join(", ", allowed) + ")");
            }
        }
        return this;
    }

    public int positiveInt(String key) {
        String raw = require(key);
        try {
            int v = Integer.parseInt(raw.trim());
            if (v <= 0) {
                throw bad(key, "expected a positive integer, got " + raw);
            }
            return v;
        } catch (NumberFormatException e) {
            throw bad(key, "expected a positive integer, got '" + raw + "'");
        }
    }

    public BigDecimal nonNegativeDecimal(String key) {
        BigDecimal v = decimal(key);
        if (v.signum() < 0) {
            throw bad(key, "expected a number >= 0, got " + v.toPlainString());
        }
        return v;
    }

    public Quantity positiveQuantity(String key) {
        BigDecimal v = decimal(key);
        if (v.signum() <= 0) {
            throw bad(key, "expected a positive quantity, got " + v.toPlainString());
        }
        return Quantity.of(v);
    }

    public boolean bool(String key, boolean fallback) {
        String raw = values.get(key);
        if (raw == null) {
            return fallback;
        }
        return switch (raw.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw bad(key, "expected true or false, got '" + raw + "'");
        };
    }

    public String string(String key, String fallback) {
        String raw = values.get(key);
        return raw == null ? fallback : raw;
    }

    private BigDecimal decimal(String key) {
        String raw = require(key);
        try {
            return new BigDecimal(raw.trim());
        } catch (NumberFormatException e) {
            throw bad(key, "expected a number, got '" + raw + "'");
        }
    }

    private String require(String key) {
        String raw = values.get(key);
        if (raw == null) {
            throw bad(key, "missing (required)");
        }
        return raw;
    }

    private BadInputException bad(String key, String problem) {
        return new BadInputException(null, 0, path + "." + key, problem);
    }
}
