package io.eventdesk.bootstrap.strategies;

import io.eventdesk.domain.market.Bar;
import io.eventdesk.domain.market.MarketData;
import io.eventdesk.domain.order.OrderType;
import io.eventdesk.domain.order.OrderView;
import io.eventdesk.domain.order.TimeInForce;
import io.eventdesk.domain.signal.Signal;
import io.eventdesk.domain.strategy.Strategy;
import io.eventdesk.domain.strategy.StrategyContext;
import io.eventdesk.domain.strategy.StrategyParameters;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import java.util.List;
import java.util.Map;

/**
 * A user's strategy that manages one resting limit order: places it on the first bar, replaces it on the second
 * (new quantity {@code replace-quantity}, one tick higher), cancels it on the third.
 */
public final class CancelReplaceStrategy implements Strategy {
    private final Quantity replaceQuantity;
    private int bars;

    public CancelReplaceStrategy(StrategyParameters params) {
        params.allowOnly("replace-quantity");
        this.replaceQuantity = params.positiveQuantity("replace-quantity");
    }

    @Override
    public List<Signal> onMarketData(MarketData data, StrategyContext context) {
        Bar bar = (Bar) data;
        bars++;
        if (bars == 1) {
            return List.of(new Signal(
                    "rest-low",
                    bar.instrument(),
                    Quantity.of(1),
                    OrderType.LIMIT,
                    Price.of("50"),
                    TimeInForce.GTC,
                    "a bid far below the market",
                    Map.of()));
        }
        List<OrderView> open = context.openOrders();
        if (bars == 2 && open.size() == 1) {
            context.replace(open.get(0).id(), replaceQuantity, Price.of("50.01"), "improve the bid");
        } else if (bars == 3 && open.size() == 1) {
            context.cancel(open.get(0).id(), "give up");
        }
        return List.of();
    }
}
