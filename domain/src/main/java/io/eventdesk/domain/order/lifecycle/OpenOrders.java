package io.eventdesk.domain.order.lifecycle;

import io.eventdesk.domain.event.OrderCancelRejected;
import io.eventdesk.domain.event.OrderEvent;
import io.eventdesk.domain.event.OrderInitialized;
import io.eventdesk.domain.event.OrderReplaceRejected;
import io.eventdesk.domain.instrument.InstrumentId;
import io.eventdesk.domain.order.OrderId;
import io.eventdesk.domain.value.Quantity;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The open orders of a run, kept by applying order events as they happen: the one reader of order events that the
 * engine, the run files, a rebuild from the journal and the service share. An order is added by its
 * {@link OrderInitialized} and forgotten once an event closes it, so memory holds only what is open. The answer to a
 * request that arrives after its order closed (a late cancel or replace refusal: the table's {@code UNCHANGED} edge
 * of a closed status) finds no open order and changes nothing.
 */
public final class OpenOrders {
    private final Map<OrderId, Order> open = new LinkedHashMap<>();
    private final Collection<Order> view = Collections.unmodifiableCollection(open.values());

    /**
     * Applies {@code event} to its order; returns the order (closed after this event, if it closed it), or null for
     * a late answer to an order already closed.
     *
     * @throws IllegalStateException for an event about an order that was never opened
     */
    public Order apply(OrderEvent event) {
        if (event instanceof OrderInitialized initialized) {
            Order order = Order.initialized(initialized);
            if (open.putIfAbsent(order.id(), order) != null) {
                throw new IllegalStateException("order " + order.id() + " is initialized twice");
            }
            return order;
        }
        Order order = open.get(event.orderId());
        if (order == null) {
            if (event instanceof OrderCancelRejected || event instanceof OrderReplaceRejected) {
                return null; // too late: the order closed while the request travelled
            }
            throw new IllegalStateException(
                    event.getClass().getSimpleName() + " for " + event.orderId() + ", which is not an open order");
        }
        order.apply(event);
        if (order.isClosed()) {
            open.remove(order.id());
        }
        return order;
    }

    /** The open order with this id, or null. */
    public Order get(OrderId id) {
        return open.get(id);
    }

    /** The open orders, oldest first. */
    public Collection<Order> all() {
        return view;
    }

    /** The signed quantity still to fill of the open orders in {@code instrument}, of one strategy or (null) all. */
    public Quantity pendingQuantity(InstrumentId instrument, String strategyId) {
        Quantity sum = Quantity.ZERO;
        for (Order o : open.values()) {
            if (o.instrument().equals(instrument)
                    && (strategyId == null || o.strategyId().equals(strategyId))) {
                sum = sum.plus(o.side().signed(o.leavesQuantity()));
            }
        }
        return sum;
    }

    public boolean isEmpty() {
        return open.isEmpty();
    }
}
