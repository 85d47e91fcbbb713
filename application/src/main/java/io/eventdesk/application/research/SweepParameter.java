package io.eventdesk.application.research;

import java.math.BigDecimal;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One swept parameter: its config path ({@code strategy.params.fast}) and where its values come from: a list, a
 * range with a step (both a grid's and a random search's), or a distribution (a random search's only).
 */
public sealed interface SweepParameter {
    String path();

    /** The last part of the path ({@code fast}): how constraints name it when it is unique. */
    default String shortName() {
        int dot = path().lastIndexOf('.');
        return dot < 0 ? path() : path().substring(dot + 1);
    }

    /** The values a grid takes, in order; a distribution has none. */
    List<Object> values();

    /** One value drawn from {@code random}. */
    Object draw(SplittableRandom random);

    /** A list of values (numbers, text, booleans). */
    record Values(String path, List<Object> values) implements SweepParameter {
        public Values {
            values = List.copyOf(values);
            if (values.isEmpty()) {
                throw new IllegalArgumentException("an empty list of values");
            }
        }

        @Override
        public Object draw(SplittableRandom random) {
            return values.get(random.nextInt(values.size()));
        }
    }

    /** {@code from} to {@code to} (inclusive) by {@code step}, exactly (decimals, never a double's drift). */
    record Range(String path, BigDecimal from, BigDecimal to, BigDecimal step) implements SweepParameter {
        /** the most values a range may hold */
        static final int MOST = 1_000_000;

        public Range {
            if (step.signum() == 0) {
                throw new IllegalArgumentException("a step of zero");
            }
            if (step.signum() > 0 ? from.compareTo(to) > 0 : from.compareTo(to) < 0) {
                throw new IllegalArgumentException("an empty range: from " + from.toPlainString() + " to "
                        + to.toPlainString() + " by " + step.toPlainString());
            }
            BigDecimal count = to.subtract(from).divide(step, 0, java.math.RoundingMode.FLOOR);
            if (count.compareTo(BigDecimal.valueOf(MOST)) >= 0) {
                throw new IllegalArgumentException("more than " + MOST + " values");
            }
        }

        @Override
        public List<Object> values() {
            int n = to.subtract(from)
                            .divide(step, 0, java.math.RoundingMode.FLOOR)
                            .intValueExact()
                    + 1;
            Object[] out = new Object[n];
            for (int i = 0; i < n; i++) {
                out[i] = number(from.add(step.multiply(BigDecimal.valueOf(i))));
            }
            return List.of(out);
        }

        @Override
        public Object draw(SplittableRandom random) {
            List<Object> v = values();
            return v.get(random.nextInt(v.size()));
        }
    }

    /** A distribution to draw from: uniform, log-uniform (both ends positive) or integers uniform (inclusive). */
    record Distribution(String path, Kind kind, double low, double high) implements SweepParameter {
        public enum Kind {
            UNIFORM("uniform"),
            LOG_UNIFORM("log-uniform"),
            INT_UNIFORM("int-uniform");

            public final String configName;

            Kind(String configName) {
                this.configName = configName;
            }
        }

        public Distribution {
            if (!(low < high)) {
                throw new IllegalArgumentException("an empty range: " + low + " to " + high);
            }
            if (kind == Kind.LOG_UNIFORM && low <= 0) {
                throw new IllegalArgumentException("log-uniform needs both ends positive, got " + low);
            }
            if (kind == Kind.INT_UNIFORM && (low != Math.rint(low) || high != Math.rint(high))) {
                throw new IllegalArgumentException("int-uniform needs whole ends, got " + low + " and " + high);
            }
        }

        @Override
        public List<Object> values() {
            return List.of();
        }

        @Override
        public Object draw(SplittableRandom random) {
            return switch (kind) {
                case UNIFORM -> round(low + random.nextDouble() * (high - low));
                case LOG_UNIFORM ->
                    round(Math.exp(Math.log(low) + random.nextDouble() * (Math.log(high) - Math.log(low))));
                case INT_UNIFORM -> (long) low + random.nextLong((long) high - (long) low + 1);
            };
        }

        /** Eight significant digits: a config value, not a double's noise. */
        private static BigDecimal round(double v) {
            return new BigDecimal(v, new java.math.MathContext(8)).stripTrailingZeros();
        }
    }

    /** A whole number as a long, else the decimal without trailing zeros. */
    static Object number(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        if (s.scale() <= 0 && s.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0) {
            return s.longValueExact();
        }
        return s;
    }
}
