package io.eventdesk.benchmarks;

import io.eventdesk.domain.market.MarketData;
import io.eventdesk.domain.signal.Signal;
import io.eventdesk.domain.strategy.Strategy;
import io.eventdesk.domain.strategy.StrategyContext;
import io.eventdesk.domain.value.Quantity;
import java.util.List;
import java.util.Map;

/**
 * The steady-state path: buys once on the first bar and holds, so every later bar goes through the venue, the mark,
 * the strategy and the recorded valuation, with no signal.
 */
public final class BuyAndHoldStrategy implements Strategy {
    private boolean bought;

    @Override
    public List<Signal> onMarketData(MarketData data, StrategyContext context) {
        if (bought) {
            return List.of();
        }
        bought = true;
        return List.of(
                Signal.target("buy-and-hold", data.instrument(), Quantity.of(1), "hold from the first bar", Map.of()));
    }
}
