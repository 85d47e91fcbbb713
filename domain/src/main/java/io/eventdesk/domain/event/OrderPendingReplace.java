package io.eventdesk.domain.event;

import io.eventdesk.domain.order.OrderId;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import java.time.Instant;

/**
 * A replace passed the risk engine and is on its way to the venue: the new total quantity, limit price and trigger
 * price.
 */
public record OrderPendingReplace(
        long sequence,
        Instant time,
        OrderId orderId,
        Quantity quantity,
        Price limitPrice,
        Price triggerPrice,
        String reason)
        implements OrderEvent {}
