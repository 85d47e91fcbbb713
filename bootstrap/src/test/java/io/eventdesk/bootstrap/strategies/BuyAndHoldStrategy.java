package io.eventdesk.bootstrap.strategies;

import io.eventdesk.domain.market.MarketData;
import io.eventdesk.domain.signal.Signal;
import io.eventdesk.domain.strategy.Strategy;
import io.eventdesk.domain.strategy.StrategyContext;
import io.eventdesk.domain.strategy.StrategyParameters;
import io.eventdesk.domain.value.Quantity;
import java.util.List;
import java.util.Map;

/** A user's strategy, loaded by class name: buys {@code quantity} on the first bar and holds. */
public final class BuyAndHoldStrategy implements Strategy {
    private final Quantity quantity;
    private boolean done;

    public BuyAndHoldStrategy(StrategyParameters params) {
        params.allowOnly("quantity");
        this.quantity = params.positiveQuantity("quantity");
    }

    @Override
    public List<Signal> onMarketData(MarketData data, StrategyContext context) {
        if (done) {
            return List.of();
        }
        done = true;
        return List.of(Signal.target("buy-and-hold", data.instrument(), quantity, "first bar", Map.of()));
    }
}
