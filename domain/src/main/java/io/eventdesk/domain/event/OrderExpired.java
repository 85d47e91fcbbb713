package io.eventdesk.domain.event;

import io.eventdesk.domain.order.OrderId;
import java.time.Instant;

/** The order's time in force ran out. */
public record OrderExpired(long sequence, Instant time, OrderId orderId) implements OrderEvent {}
