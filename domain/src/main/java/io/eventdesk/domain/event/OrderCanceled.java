package io.eventdesk.domain.event;

import io.eventdesk.domain.order.OrderId;
import java.time.Instant;

/** The order was canceled. */
public record OrderCanceled(long sequence, Instant time, OrderId orderId, String reason) implements OrderEvent {}
