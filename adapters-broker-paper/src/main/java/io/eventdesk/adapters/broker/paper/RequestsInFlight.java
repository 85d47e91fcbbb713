package io.eventdesk.adapters.broker.paper;

import io.eventdesk.domain.order.OrderId;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * Requests on their way to the venue, by arrival time, then by the order they were sent. A request arrives after the
 * latency of its kind plus a seeded jitter, and never before an earlier request about the same order: a cancel never
 * overtakes its order.
 */
final class RequestsInFlight {
    enum Kind {
        NEW,
        CANCEL,
        REPLACE
    }

    /** A request on its way to the venue. */
    record Request(
            Kind kind,
            OrderId id,
            Instant arrival,
            long sequence,
            WorkingOrder order,
            Quantity newQuantity,
            Price newLimit,
            Price newTrigger) {}

    private final LatencyModel latency;
    private final SplittableRandom random;
    private final PriorityQueue<Request> queue =
            new PriorityQueue<>(Comparator.comparing((Request r) -> r.arrival).thenComparingLong(r -> r.sequence));
    /** orders sent but not arrived: later requests about them must not overtake them */
    private final Map<OrderId, WorkingOrder> travelling = new HashMap<>();

    private long sequence;

    RequestsInFlight(LatencyModel latency) {
        this.latency = latency;
        this.random = new SplittableRandom(latency.seed());
    }

    Instant submit(WorkingOrder w, Instant decisionTime) {
        w.lastArrival = Instant.MIN;
        Instant arrival = arrivalOf(w, latency.submit(), decisionTime);
        w.arrival = arrival;
        travelling.put(w.id, w);
        queue.add(new Request(Kind.NEW, w.id, arrival, ++sequence, w, null, null, null));
        return arrival;
    }

    /** A cancel of {@code known} (the order on its way or working, or null when the venue no longer has it). */
    Instant cancel(OrderId id, WorkingOrder known, Instant decisionTime) {
        Instant arrival = arrivalOf(known, latency.cancel(), decisionTime);
        queue.add(new Request(Kind.CANCEL, id, arrival, ++sequence, null, null, null, null));
        return arrival;
    }

    Instant replace(
            OrderId id,
            WorkingOrder known,
            Quantity newQuantity,
            Price newLimit,
            Price newTrigger,
            Instant decisionTime) {
        Instant arrival = arrivalOf(known, latency.replace(), decisionTime);
        queue.add(new Request(Kind.REPLACE, id, arrival, ++sequence, null, newQuantity, newLimit, newTrigger));
        return arrival;
    }

    /** The order on its way with this id, or null. */
    WorkingOrder travelling(OrderId id) {
        return travelling.get(id);
    }

    /** The next request to arrive, or null. */
    Request peek() {
        return queue.peek();
    }

    /** Takes the next request; a new order is no longer on its way. */
    Request poll() {
        Request r = queue.poll();
        if (r.kind == Kind.NEW) {
            travelling.remove(r.id);
        }
        return r;
    }

    /** decision + latency + jitter, never before an earlier request about the same order. */
    private Instant arrivalOf(WorkingOrder w, Duration base, Instant decisionTime) {
        Instant arrival = decisionTime.plus(base).plusNanos(latency.jitter().draw(random));
        if (w != null) {
            if (arrival.isBefore(w.lastArrival)) {
                arrival = w.lastArrival;
            }
            w.lastArrival = arrival;
        }
        return arrival;
    }
}
