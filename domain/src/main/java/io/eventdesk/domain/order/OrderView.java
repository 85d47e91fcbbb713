package io.eventdesk.domain.order;

import io.eventdesk.domain.instrument.InstrumentId;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import io.eventdesk.domain.value.Side;

/** A read-only snapshot of an order, as strategies see their own. */
public record OrderView(
        OrderId id,
        String strategyId,
        InstrumentId instrument,
        Side side,
        OrderType type,
        Quantity quantity,
        Quantity filledQuantity,
        Price limitPrice,
        TimeInForce timeInForce,
        OrderStatus status,
        Price triggerPrice) {

    public Quantity leavesQuantity() {
        return quantity.minus(filledQuantity);
    }

    /** Whether a cancel or replace is already on its way. */
    public boolean isPending() {
        return status == OrderStatus.PENDING_CANCEL || status == OrderStatus.PENDING_REPLACE;
    }
}
