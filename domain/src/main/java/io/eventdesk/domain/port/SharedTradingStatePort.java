package io.eventdesk.domain.port;

import io.eventdesk.domain.trading.TradingState;

/**
 * The trading state several processes of one desk share (strategies or accounts run apart): one kill switch for
 * all. A process writes its operator's changes; the others hear of them ({@link #watch}) and take them as inputs.
 * A store that cannot be reached is reported, and the desk fails closed: no new exposure without the shared state.
 */
public interface SharedTradingStatePort extends AutoCloseable {
    /**
     * The shared state now.
     *
     * @throws IllegalStateException when the store cannot be reached
     */
    Shared read();

    /**
     * Sets the shared state and tells the other processes.
     *
     * @throws IllegalStateException when the store cannot be reached
     */
    void write(TradingState state, String reason);

    /** Starts telling {@code listener} (on a thread of its own) of changes written by others, and of the store going away or coming back. */
    void watch(Listener listener);

    /** Where the store is, for health (never a password). */
    String describe();

    @Override
    void close();

    /**
     * @param origin the process that wrote it
     * @param version increases with every write
     */
    record Shared(TradingState state, String reason, String origin, long version) {}

    interface Listener {
        /** Another process changed the shared state. */
        void changed(Shared shared);

        /** The store cannot be reached. */
        void unavailable(String problem);

        /** The store can be reached again; its state is {@code shared}. */
        void available(Shared shared);
    }
}
