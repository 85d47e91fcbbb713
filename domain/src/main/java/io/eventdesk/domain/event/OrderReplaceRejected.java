package io.eventdesk.domain.event;

import io.eventdesk.domain.order.OrderId;
import java.time.Instant;

/** The venue refused a replace; the order works on unchanged. */
public record OrderReplaceRejected(long sequence, Instant time, OrderId orderId, String reason) implements OrderEvent {}
