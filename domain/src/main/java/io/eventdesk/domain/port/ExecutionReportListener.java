package io.eventdesk.domain.port;

import io.eventdesk.domain.order.Liquidity;
import io.eventdesk.domain.order.OrderId;
import io.eventdesk.domain.portfolio.PortfolioView;
import io.eventdesk.domain.value.Money;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import java.time.Instant;

/**
 * How a venue reports what happened to orders. Calls are made on the engine thread, in time order, during
 * {@link ExecutionVenuePort#advanceTo} and {@link ExecutionVenuePort#onMarketData}.
 */
public interface ExecutionReportListener {
    /** The account the venue trades for, read-only: a venue checks funds at execution as a real one does. */
    PortfolioView account();

    void accepted(OrderId order, Instant time);

    void rejected(OrderId order, Instant time, String reason);

    /**
     * @param slippage how much worse than the reference price (open or limit) the price is, per unit
     */
    void filled(
            OrderId order,
            Instant time,
            String fillId,
            Quantity quantity,
            Price price,
            Price slippage,
            Money fee,
            Liquidity liquidity);

    /** A stop order's trigger price was reached at {@code price}; it now works as a market or limit order. */
    void triggered(OrderId order, Instant time, Price price);

    void canceled(OrderId order, Instant time, String reason);

    void expired(OrderId order, Instant time);

    /** A cancel arrived too late (the order had filled or gone); the order is unchanged. */
    void cancelRejected(OrderId order, Instant time, String reason);

    /** A replace was applied: the order now works with this total quantity, limit price and trigger price. */
    void replaced(OrderId order, Instant time, Quantity newQuantity, Price newLimitPrice, Price newTriggerPrice);

    /** A replace was refused; the order is unchanged. */
    void replaceRejected(OrderId order, Instant time, String reason);
}
