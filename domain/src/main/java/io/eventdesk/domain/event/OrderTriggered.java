package io.eventdesk.domain.event;

import io.eventdesk.domain.order.OrderId;
import io.eventdesk.domain.value.Price;
import java.time.Instant;

/**
 * The market reached a stop order's trigger price at {@code price}: a STOP now works as a market order, a
 * STOP_LIMIT as a limit order. The order's status does not change.
 */
public record OrderTriggered(long sequence, Instant time, OrderId orderId, Price price) implements OrderEvent {}
