package io.eventdesk.domain.event;

import io.eventdesk.domain.order.OrderId;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import java.time.Instant;

/** The venue applied a replace: the order now has this total quantity, limit price and trigger price. */
public record OrderReplaced(
        long sequence, Instant time, OrderId orderId, Quantity quantity, Price limitPrice, Price triggerPrice)
        implements OrderEvent {}
