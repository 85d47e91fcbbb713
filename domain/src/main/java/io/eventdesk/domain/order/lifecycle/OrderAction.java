package io.eventdesk.domain.order.lifecycle;

import io.eventdesk.domain.event.OrderAccepted;
import io.eventdesk.domain.event.OrderCancelRejected;
import io.eventdesk.domain.event.OrderCanceled;
import io.eventdesk.domain.event.OrderDenied;
import io.eventdesk.domain.event.OrderEvent;
import io.eventdesk.domain.event.OrderExpired;
import io.eventdesk.domain.event.OrderFilled;
import io.eventdesk.domain.event.OrderPendingCancel;
import io.eventdesk.domain.event.OrderPendingReplace;
import io.eventdesk.domain.event.OrderRejected;
import io.eventdesk.domain.event.OrderReplaceRejected;
import io.eventdesk.domain.event.OrderReplaced;
import io.eventdesk.domain.event.OrderSubmitted;

/** What can happen to an order: the events of the state table. */
public enum OrderAction {
    DENY,
    SUBMIT,
    ACCEPT,
    REJECT,
    FILL,
    CANCEL,
    EXPIRE,
    PENDING_CANCEL,
    PENDING_REPLACE,
    REPLACE,
    REPLACE_REJECT,
    CANCEL_REJECT;

    /** The action an order event stands for in the table; the one mapping of events to transitions. */
    public static OrderAction of(OrderEvent event) {
        if (event instanceof OrderSubmitted) {
            return SUBMIT;
        } else if (event instanceof OrderAccepted) {
            return ACCEPT;
        } else if (event instanceof OrderRejected) {
            return REJECT;
        } else if (event instanceof OrderFilled) {
            return FILL;
        } else if (event instanceof OrderCanceled) {
            return CANCEL;
        } else if (event instanceof OrderExpired) {
            return EXPIRE;
        } else if (event instanceof OrderPendingCancel) {
            return PENDING_CANCEL;
        } else if (event instanceof OrderPendingReplace) {
            return PENDING_REPLACE;
        } else if (event instanceof OrderReplaced) {
            return REPLACE;
        } else if (event instanceof OrderReplaceRejected) {
            return REPLACE_REJECT;
        } else if (event instanceof OrderCancelRejected) {
            return CANCEL_REJECT;
        } else if (event instanceof OrderDenied) {
            return DENY;
        }
        throw new IllegalArgumentException(event.getClass().getSimpleName() + " is not a transition of the table");
    }
}
