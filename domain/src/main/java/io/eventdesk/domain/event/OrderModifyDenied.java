package io.eventdesk.domain.event;

import io.eventdesk.domain.order.OrderId;
import java.time.Instant;

/** The risk engine denied a replace; the order works on unchanged. {@code code}, {@code rule}, {@code detail} say why. */
public record OrderModifyDenied(long sequence, Instant time, OrderId orderId, String code, String rule, String detail)
        implements OrderEvent {}
