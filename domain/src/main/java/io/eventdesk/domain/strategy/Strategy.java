package io.eventdesk.domain.strategy;

import io.eventdesk.domain.market.MarketData;
import io.eventdesk.domain.signal.Signal;
import java.util.List;

/**
 * A trading strategy: market data and a read-only context in, signals out. A strategy never touches the venue
 * or the portfolio; the engine sizes its signals, runs them through the risk engine and executes them.
 *
 * <p>A user's strategy is a public class implementing this interface with a public constructor taking
 * {@link StrategyParameters} (or none), named by its fully qualified name in {@code strategy.type}.
 */
public interface Strategy {
    /**
     * Called when market data becomes known (a bar at its close). Decisions made here are stamped with that
     * time and fill at the earliest in the first bar that opens at or after it plus the venue's latency.
     *
     * @return the signals raised, possibly none
     */
    List<Signal> onMarketData(MarketData data, StrategyContext context);
}
