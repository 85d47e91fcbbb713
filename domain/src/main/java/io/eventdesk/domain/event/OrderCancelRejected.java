package io.eventdesk.domain.event;

import io.eventdesk.domain.order.OrderId;
import java.time.Instant;

/** The venue refused a cancel (too late: the order had filled or gone); the order is unchanged. */
public record OrderCancelRejected(long sequence, Instant time, OrderId orderId, String reason) implements OrderEvent {}
