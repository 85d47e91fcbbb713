package io.eventdesk.domain.port;

import io.eventdesk.domain.event.PeerActivityReceived;
import io.eventdesk.domain.instrument.InstrumentId;
import io.eventdesk.domain.trading.TradingState;
import io.eventdesk.domain.value.Money;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The state several processes of one desk share (strategies or accounts run apart): one kill switch for all, the
 * orders each strategy submitted (so a strategy's throttle counts its orders in every process) and each process's
 * daily PnL (so the daily loss limit is the desk's). A process writes its operator's changes, its submissions and its
 * daily PnL; the others hear of them ({@link #watch}) and take them as inputs. A store that cannot be reached is
 * reported, and the desk fails closed: no new exposure without the shared state.
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

    /**
     * Tells the other processes that this one submitted an order of {@code strategyId} at {@code time}. Never waits
     * for the store; one that cannot be reached is reported by the watch.
     */
    void submitted(String strategyId, InstrumentId instrument, Instant time);

    /** This process's daily PnL now: shared with the others by the watch, within its poll. */
    void dailyPnl(Money pnl);

    /**
     * Starts telling {@code listener} (on a thread of its own) of changes written by others, of what the others did
     * (first the submissions of the last {@code lookback}, then each poll's new ones) and of the store going away or
     * coming back.
     */
    void watch(Listener listener, Duration lookback);

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

        /**
         * What the other processes did since the last call: their new submissions, and every one's daily PnL now.
         * Called only when something changed.
         */
        void peers(List<PeerActivityReceived.Submission> submissions, List<PeerActivityReceived.DailyPnl> dailyPnl);

        /** The store cannot be reached. */
        void unavailable(String problem);

        /** The store can be reached again; its state is {@code shared}. */
        void available(Shared shared);
    }
}
