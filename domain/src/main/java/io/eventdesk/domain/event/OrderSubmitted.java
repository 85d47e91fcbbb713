package io.eventdesk.domain.event;

import io.eventdesk.domain.order.OrderId;
import java.time.Instant;

/** The order passed the risk engine and was sent to the venue, where it arrives at {@code arrivalTime}. */
public record OrderSubmitted(long sequence, Instant time, OrderId orderId, Instant arrivalTime) implements OrderEvent {}
