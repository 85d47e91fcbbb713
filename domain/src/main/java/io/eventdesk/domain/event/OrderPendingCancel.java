package io.eventdesk.domain.event;

import io.eventdesk.domain.order.OrderId;
import java.time.Instant;

/** A cancel was requested and is on its way to the venue. */
public record OrderPendingCancel(long sequence, Instant time, OrderId orderId, String reason) implements OrderEvent {}
