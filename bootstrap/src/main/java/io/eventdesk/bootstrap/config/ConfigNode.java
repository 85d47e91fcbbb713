package io.eventdesk.bootstrap.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventdesk.domain.error.BadInputException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * A node of a config tree that knows its path ({@code risk.max-position}), so every error names the key and what
 * was expected. Unknown keys are errors: a typo in a risk limit must never silently disable it.
 */
final class ConfigNode {
    private final String source;
    private final String path;
    private final JsonNode node;

    ConfigNode(String source, String path, JsonNode node) {
        this.source = source;
        this.path = path;
        this.node = node;
    }

    String path() {
        return path;
    }

    /** The file (or option) the node is from. */
    String source() {
        return source;
    }

    /** The parsed node itself (null when missing). */
    JsonNode raw() {
        return isMissing() ? null : node;
    }

    boolean isMissing() {
        return node == null || node.isMissingNode() || node.isNull();
    }

    ConfigNode get(String key) {
        return new ConfigNode(source, path.isEmpty() ? key : path + "." + key, isMissing() ? null : node.get(key));
    }

    /** Requires an object whose keys are all among {@code allowed}. */
    ConfigNode object(String... allowed) {
        if (isMissing() || !node.isObject()) {
            throw error("expected a section with keys " + String.join(", ", allowed) + ", got " + describe());
        }
        Set<String> known = new TreeSet<>(List.of(allowed));
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!known.contains(key)) {
                throw new BadInputException(
                        source,
                        0,
                        path.isEmpty() ? key : path + "." + key,
                        "unknown key (expected one of: " + String.join(", ", known) + ")");
            }
        }
        return this;
    }

    List<ConfigNode> list() {
        if (isMissing() || !node.isArray()) {
            throw error("expected a list, got " + describe());
        }
        List<ConfigNode> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            out.add(new ConfigNode(source, path + "[" + i + "]", node.get(i)));
        }
        if (out.isEmpty()) {
            throw error("expected at least one entry");
        }
        return out;
    }

    /** A map of scalar values, keys in file order. */
    Map<String, ConfigNode> entries() {
        if (isMissing() || !node.isObject()) {
            throw error("expected a map of key: value, got " + describe());
        }
        Map<String, ConfigNode> out = new LinkedHashMap<>();
        node.properties().forEach(e -> out.put(e.getKey(), get(e.getKey())));
        return out;
    }

    String text() {
        if (isMissing() || !node.isValueNode()) {
            throw error("expected a value, got " + describe());
        }
        String t = node.asText().trim();
        if (t.isEmpty()) {
            throw error("must not be empty");
        }
        return t;
    }

    String text(String fallback) {
        return isMissing() ? fallback : text();
    }

    BigDecimal decimal() {
        if (isMissing() || !(node.isNumber() || node.isTextual())) {
            throw error("expected a number, got " + describe());
        }
        try {
            return node.isNumber()
                    ? node.decimalValue()
                    : new BigDecimal(node.asText().trim());
        } catch (NumberFormatException e) {
            throw error("expected a number, got '" + node.asText() + "'");
        }
    }

    BigDecimal positiveDecimal() {
        BigDecimal v = decimal();
        if (v.signum() <= 0) {
            throw error("must be positive, got " + v.toPlainString());
        }
        return v;
    }

    BigDecimal nonNegativeDecimal(BigDecimal fallback) {
        if (isMissing()) {
            return fallback;
        }
        BigDecimal v = decimal();
        if (v.signum() < 0) {
            throw error("must not be negative, got " + v.toPlainString());
        }
        return v;
    }

    long integer(long fallback) {
        if (isMissing()) {
            return fallback;
        }
        if (!node.canConvertToExactIntegral() && !node.isIntegralNumber()) {
            throw error("expected a whole number, got " + describe());
        }
        if (!node.canConvertToLong()) {
            throw error("expected a whole number that fits in 64 bits (" + Long.MIN_VALUE + " to " + Long.MAX_VALUE
                    + "), got " + node.asText());
        }
        return node.asLong();
    }

    /** One of {@code choices} (case-insensitive), lower-cased. */
    String choice(String fallback, String... choices) {
        String v = isMissing() && fallback != null ? fallback : text().toLowerCase(java.util.Locale.ROOT);
        for (String c : choices) {
            if (c.equals(v)) {
                return v;
            }
        }
        throw error("expected one of " + String.join(", ", choices) + ", got '" + v + "'");
    }

    /** A scalar rendered as text (for strategy parameters). */
    String scalar() {
        if (isMissing() || !node.isValueNode()) {
            throw error("expected a single value, got " + describe());
        }
        return node.isNumber() ? node.decimalValue().toPlainString() : node.asText();
    }

    BadInputException error(String problem) {
        return new BadInputException(source, 0, path, problem);
    }

    private String describe() {
        if (isMissing()) {
            return "nothing (the key is missing)";
        }
        if (node.isObject()) {
            return "a section";
        }
        if (node.isArray()) {
            return "a list";
        }
        return "'" + node.asText() + "'";
    }

    /**
     * Runs a value's constructor, turning its validation error into one that names {@code n}'s key and the config
     * file: the one place a domain validation message is mapped to where it came from.
     */
    static <T> T value(ConfigNode n, Supplier<T> make) {
        try {
            return make.get();
        } catch (BadInputException e) {
            throw e;
        } catch (IllegalArgumentException | ArithmeticException | java.time.DateTimeException e) {
            throw n.error(e.getMessage());
        }
    }
}
