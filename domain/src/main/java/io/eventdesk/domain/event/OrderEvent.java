package io.eventdesk.domain.event;

import io.eventdesk.domain.order.OrderId;

/** The life cycle of an order, enough to rebuild it from the journal alone. */
public sealed interface OrderEvent extends Event
        permits OrderInitialized,
                OrderDenied,
                OrderSubmitted,
                OrderAccepted,
                OrderRejected,
                OrderFilled,
                OrderCanceled,
                OrderExpired,
                OrderPendingCancel,
                OrderPendingReplace,
                OrderReplaced,
                OrderCancelRejected,
                OrderReplaceRejected,
                OrderModifyDenied,
                OrderTriggered {
    OrderId orderId();
}
