package io.eventdesk.application.research;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One point of a sweep: its index (its row in {@code sweep.csv}), each parameter's value by config path, and the
 * seed its run uses, derived from the sweep's seed and the values alone — never from which worker ran it when.
 */
public record Combination(int index, Map<String, Object> values, long seed) {
    public Combination {
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The seed of the combination {@code values} in a sweep seeded {@code sweepSeed}. */
    public static long seedOf(long sweepSeed, Map<String, Object> values) {
        long h = sweepSeed * 0x9E3779B97F4A7C15L;
        for (Map.Entry<String, Object> e : values.entrySet()) {
            String s = e.getKey() + "=" + text(e.getValue());
            for (int i = 0; i < s.length(); i++) {
                h = (h ^ s.charAt(i)) * 0x100000001B3L;
            }
            h = mix(h);
        }
        return h & Long.MAX_VALUE;
    }

    /** A value as the config and {@code sweep.csv} write it. */
    public static String text(Object v) {
        return v instanceof java.math.BigDecimal d ? d.stripTrailingZeros().toPlainString() : String.valueOf(v);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
