package io.eventdesk.domain.order.lifecycle;

import io.eventdesk.domain.order.OrderStatus;

/** An event that the state table does not allow in the order's current status: always a bug upstream. */
public final class IllegalOrderTransition extends IllegalStateException {
    private final OrderStatus status;
    private final OrderAction action;

    public IllegalOrderTransition(Object orderId, OrderStatus status, OrderAction action) {
        super("order " + orderId + ": " + action + " is not allowed in status " + status);
        this.status = status;
        this.action = action;
    }

    public OrderStatus status() {
        return status;
    }

    public OrderAction action() {
        return action;
    }
}
