package io.eventdesk.domain.port;

import io.eventdesk.domain.instrument.Instrument;
import io.eventdesk.domain.market.MarketData;
import io.eventdesk.domain.order.OrderId;
import io.eventdesk.domain.order.OrderRequest;
import io.eventdesk.domain.value.Money;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import java.time.Instant;

/**
 * Where orders are executed. The engine calls it on one thread with non-decreasing times. A venue must never
 * fill an order before it arrives, nor at a price not yet known at the fill's time.
 */
public interface ExecutionVenuePort {
    /**
     * Sends an order that passed the risk engine, decided at {@code decisionTime}.
     *
     * @return when it arrives at the venue ({@code decisionTime} + latency)
     */
    Instant submit(OrderId order, OrderRequest request, Instant decisionTime);

    /**
     * Asks the venue to cancel a resting order, decided at {@code decisionTime}. The answer comes later through
     * the listener: {@code canceled}, or {@code cancelRejected} when the order had already filled or gone.
     *
     * @return when the request arrives at the venue
     */
    Instant cancel(OrderId order, Instant decisionTime);

    /**
     * Asks the venue to change a resting order's total quantity and/or prices (the limit price of LIMIT and
     * STOP_LIMIT orders, the trigger price of STOP and STOP_LIMIT orders; null where the type has none). The answer
     * comes later: {@code replaced}, or {@code replaceRejected}.
     *
     * @return when the request arrives at the venue
     */
    Instant replace(
            OrderId order, Quantity newQuantity, Price newLimitPrice, Price newTriggerPrice, Instant decisionTime);

    /** Processes the venue's own timers (arrivals, expiries) up to and including {@code time}. */
    void advanceTo(Instant time, ExecutionReportListener listener);

    /** Matches resting orders against newly known market data. */
    void onMarketData(MarketData data, ExecutionReportListener listener);

    /** The fee this venue would charge for {@code quantity} at {@code price}, for pre-trade checks. */
    Money estimateFee(Instrument instrument, Quantity quantity, Price price);
}
