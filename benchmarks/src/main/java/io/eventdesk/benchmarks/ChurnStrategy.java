package io.eventdesk.benchmarks;

import io.eventdesk.domain.market.Bar;
import io.eventdesk.domain.market.MarketData;
import io.eventdesk.domain.order.OrderType;
import io.eventdesk.domain.order.OrderView;
import io.eventdesk.domain.order.TimeInForce;
import io.eventdesk.domain.signal.Signal;
import io.eventdesk.domain.strategy.Strategy;
import io.eventdesk.domain.strategy.StrategyContext;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/**
 * The order-heavy benchmark's strategy: on every bar it submits a new limit order near the market (alternately a
 * bid and an offer), replaces its newest resting order one tick closer, and cancels the oldest one. Some orders
 * fill, some cancels arrive too late: every path of risk, the order state machine, the venue and the portfolio is
 * exercised.
 */
public final class ChurnStrategy implements Strategy {
    private static final Map<String, String> NO_FIELDS = Map.of();
    private long bars;

    @Override
    public List<Signal> onMarketData(MarketData data, StrategyContext context) {
        Bar bar = (Bar) data;
        bars++;
        List<OrderView> open = context.openOrders();
        if (!open.isEmpty()) {
            OrderView newest = open.get(open.size() - 1);
            if (!newest.isPending() && newest.limitPrice() != null) {
                Price tick = context.portfolio().instrument(bar.instrument()).tickSize();
                Price closer = newest.side() == io.eventdesk.domain.value.Side.BUY
                        ? newest.limitPrice().plus(tick)
                        : newest.limitPrice().minus(tick);
                context.replace(newest.id(), newest.quantity(), closer, "step closer");
            }
            OrderView oldest = open.get(0);
            if (open.size() > 2 && !oldest.isPending()) {
                context.cancel(oldest.id(), "stale");
            }
        }
        boolean bid = (bars & 1) == 0;
        Quantity committed = context.committedPosition(bar.instrument());
        Quantity target = bid ? committed.plus(Quantity.of(1)) : committed.minus(Quantity.of(1));
        Price offset = Price.of(bar.close().toBigDecimal().movePointLeft(4).setScale(3, RoundingMode.HALF_EVEN));
        Price limit = bid ? bar.close().minus(offset) : bar.close().plus(offset);
        return List.of(new Signal(
                bid ? "bid" : "offer",
                bar.instrument(),
                target,
                OrderType.LIMIT,
                limit,
                TimeInForce.GTC,
                "churn",
                NO_FIELDS));
    }
}
