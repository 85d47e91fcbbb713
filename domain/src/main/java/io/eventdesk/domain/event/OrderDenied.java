package io.eventdesk.domain.event;

import io.eventdesk.domain.order.OrderId;
import java.time.Instant;

/** The risk engine denied the order; {@code code}, {@code rule} and {@code detail} say why. */
public record OrderDenied(long sequence, Instant time, OrderId orderId, String code, String rule, String detail)
        implements OrderEvent {}
