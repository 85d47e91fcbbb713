package io.eventdesk.adapters.broker.paper;

import java.time.Duration;
import java.util.SplittableRandom;

/**
 * How long requests take to reach the venue: a fixed part per kind of request (submit, cancel, replace) plus an
 * optional random jitter drawn from a seeded generator, so a run repeats exactly. Requests about one order arrive
 * in the order they were sent (a session is FIFO): a cancel never overtakes its order.
 */
public record LatencyModel(Duration submit, Duration cancel, Duration replace, Jitter jitter, long seed) {

    /** The random part of a latency. */
    public sealed interface Jitter {
        /** Draws a jitter in nanoseconds. */
        long draw(SplittableRandom random);

        /** No jitter. */
        record None() implements Jitter {
            @Override
            public long draw(SplittableRandom random) {
                return 0;
            }
        }

        /** Uniform between zero and {@code max}. */
        record Uniform(Duration max) implements Jitter {
            public Uniform {
                positive(max);
            }

            @Override
            public long draw(SplittableRandom random) {
                return random.nextLong(max.toNanos() + 1);
            }
        }

        /** Exponential with the given mean (a long tail, as network delays have), capped at 20 means. */
        record Exponential(Duration mean) implements Jitter {
            public Exponential {
                positive(mean);
            }

            @Override
            public long draw(SplittableRandom random) {
                double u = random.nextDouble();
                double nanos = -Math.log1p(-u) * mean.toNanos();
                return (long) Math.min(nanos, 20.0 * mean.toNanos());
            }
        }

        private static void positive(Duration d) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("a jitter needs a positive duration, got " + d);
            }
        }
    }

    public LatencyModel {
        for (Duration d : new Duration[] {submit, cancel, replace}) {
            if (d == null || d.isNegative()) {
                throw new IllegalArgumentException("latencies must not be negative, got " + d);
            }
        }
        jitter = jitter == null ? new Jitter.None() : jitter;
    }

    /** The same fixed latency for every request, no jitter. */
    public static LatencyModel fixed(Duration latency) {
        return new LatencyModel(latency, latency, latency, new Jitter.None(), 0);
    }
}
