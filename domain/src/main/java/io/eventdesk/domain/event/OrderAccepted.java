package io.eventdesk.domain.event;

import io.eventdesk.domain.order.OrderId;
import java.time.Instant;

/** The venue acknowledged the order. */
public record OrderAccepted(long sequence, Instant time, OrderId orderId) implements OrderEvent {}
