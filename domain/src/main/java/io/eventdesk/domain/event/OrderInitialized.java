package io.eventdesk.domain.event;

import io.eventdesk.domain.order.OrderId;
import io.eventdesk.domain.order.OrderRequest;
import java.time.Instant;

/** An order was created from a sized signal, before the risk engine saw it. */
public record OrderInitialized(long sequence, Instant time, OrderId orderId, OrderRequest request)
        implements OrderEvent {}
