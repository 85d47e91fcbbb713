package io.eventdesk.domain.strategy;

import io.eventdesk.domain.instrument.InstrumentId;
import io.eventdesk.domain.order.OrderId;
import io.eventdesk.domain.order.OrderView;
import io.eventdesk.domain.portfolio.PortfolioView;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import java.time.Instant;
import java.util.List;

/**
 * What a strategy may see: the clock, the portfolio (read-only) and its own open orders; and the requests it may
 * make about those orders (cancel, replace), which the engine carries out after the strategy returns.
 */
public interface StrategyContext {
    String strategyId();

    /** The simulated time of the decision. */
    Instant now();

    PortfolioView portfolio();

    /** The signed quantity of this strategy's open orders in an instrument that has not filled yet. */
    Quantity pendingQuantity(InstrumentId instrument);

    /** This strategy's open orders, oldest first. */
    List<OrderView> openOrders();

    /**
     * Requests the cancel of one of this strategy's open orders. Requests are carried out by the engine when
     * {@link Strategy#onMarketData} returns, in the order made; the venue answers after its latency.
     */
    void cancel(OrderId order, String reason);

    /**
     * Requests a new total quantity and/or limit price for one of this strategy's open orders. The replaced order
     * goes through the risk engine first; the venue answers after its latency.
     */
    default void replace(OrderId order, Quantity newQuantity, Price newLimitPrice, String reason) {
        Price trigger = null;
        for (OrderView o : openOrders()) {
            if (o.id().equals(order)) {
                trigger = o.triggerPrice();
            }
        }
        replace(order, newQuantity, newLimitPrice, trigger, reason);
    }

    /**
     * Requests a new total quantity, limit price and trigger price for one of this strategy's open orders (a stop's
     * trigger, a stop-limit's both; null where the order type has none).
     */
    void replace(OrderId order, Quantity newQuantity, Price newLimitPrice, Price newTriggerPrice, String reason);

    /** This strategy's own position (from its fills) in an instrument. */
    default Quantity position(InstrumentId instrument) {
        return portfolio().position(strategyId(), instrument);
    }

    /** This strategy's position plus {@link #pendingQuantity}: where it goes if everything open fills. */
    default Quantity committedPosition(InstrumentId instrument) {
        return position(instrument).plus(pendingQuantity(instrument));
    }
}
