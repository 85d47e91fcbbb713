package io.eventdesk.domain.event;

import io.eventdesk.domain.order.OrderId;
import java.time.Instant;

/** The venue refused the order. */
public record OrderRejected(long sequence, Instant time, OrderId orderId, String reason) implements OrderEvent {}
