package io.eventdesk.domain.port;

import io.eventdesk.domain.market.MarketData;
import java.time.Instant;

/**
 * Market data that arrives as it happens (a historical file replayed on the wall clock, an exchange's stream): the
 * source of a running service. It delivers on a thread of its own, each instrument's data of one kind in
 * non-decreasing known time (an exchange's channels may interleave), to the listener given at {@link #start}, and
 * says how it is doing ({@link #status}). Its contract: {@code io.eventdesk.testkit.LiveMarketDataContract}.
 */
public interface LiveMarketDataPort extends AutoCloseable {
    /** Starts delivering to {@code listener}; returns at once. */
    void start(Listener listener);

    /** How the source is doing now. */
    Status status();

    /** Stops delivering; idempotent. */
    @Override
    void close();

    /** Where a live source delivers. */
    interface Listener {
        void onMarketData(MarketData data);

        /** The source ended (a replay at its end) or failed ({@code failure} not null); nothing more comes. */
        void onEnd(RuntimeException failure);

        /** A source of several switched from one to another (failover and back), with why. */
        default void onSwitch(String from, String to, String reason) {}
    }

    /**
     * @param source what it reads, for health and the journal
     * @param connected whether it is receiving (false before start, after the end, while reconnecting)
     * @param delivered the pieces of market data delivered so far
     * @param lastDelivered the wall-clock time of the last delivery, or null before any
     * @param problem the last problem (a failure, an end), or null
     * @param counters what the source counted (reconnects, duplicates dropped, gaps, resyncs, malformed messages…)
     */
    record Status(
            String source,
            boolean connected,
            long delivered,
            Instant lastDelivered,
            String problem,
            java.util.Map<String, Long> counters) {
        public Status {
            counters = counters == null
                    ? java.util.Map.of()
                    : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(counters));
        }

        /** A source that counts nothing. */
        public Status(String source, boolean connected, long delivered, Instant lastDelivered, String problem) {
            this(source, connected, delivered, lastDelivered, problem, null);
        }
    }
}
