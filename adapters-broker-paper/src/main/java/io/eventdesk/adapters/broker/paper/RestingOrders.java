package io.eventdesk.adapters.broker.paper;

import io.eventdesk.domain.instrument.InstrumentId;
import io.eventdesk.domain.order.OrderId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;

/** The orders working at the venue: per instrument in time priority, by id, and those with an expiry, soonest first. */
final class RestingOrders {
    private final Map<InstrumentId, VenueBook> books = new HashMap<>();
    private final Map<OrderId, WorkingOrder> working = new HashMap<>();
    /** working orders with an expiry, soonest first; orders gone meanwhile are skipped when they come up */
    private final PriorityQueue<WorkingOrder> expiries = new PriorityQueue<>(
            Comparator.comparing((WorkingOrder w) -> w.expiry).thenComparingLong(w -> w.priority));

    private long prioritySequence;

    VenueBook book(InstrumentId instrument) {
        return books.computeIfAbsent(instrument, k -> new VenueBook());
    }

    WorkingOrder get(OrderId id) {
        return working.get(id);
    }

    /** An accepted order joins the back of its book's queue. */
    void add(WorkingOrder w) {
        w.priority = ++prioritySequence;
        w.live = true;
        book(w.request.instrument()).orders.add(w);
        working.put(w.id, w);
        if (w.expiry != null) {
            expiries.add(w);
        }
    }

    /** A replaced order that lost its place goes to the back of the queue. */
    void requeue(WorkingOrder w) {
        VenueBook book = book(w.request.instrument());
        book.orders.remove(w);
        w.priority = ++prioritySequence;
        book.orders.add(w);
    }

    void remove(WorkingOrder w) {
        books.get(w.request.instrument()).orders.remove(w);
        working.remove(w.id);
        w.live = false;
    }

    /** The working order that expires first, or null. */
    WorkingOrder nextExpiry() {
        WorkingOrder next = expiries.peek();
        while (next != null && !next.live) {
            expiries.poll();
            next = expiries.peek();
        }
        return next;
    }

    /** Removes and returns the order that expires first. */
    WorkingOrder expire() {
        WorkingOrder w = expiries.poll();
        remove(w);
        return w;
    }
}
