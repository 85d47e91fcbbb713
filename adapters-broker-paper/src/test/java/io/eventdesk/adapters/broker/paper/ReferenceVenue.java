package io.eventdesk.adapters.broker.paper;

import io.eventdesk.domain.market.Bar;
import io.eventdesk.domain.order.OrderId;
import io.eventdesk.domain.order.OrderRequest;
import io.eventdesk.domain.order.OrderType;
import io.eventdesk.domain.order.TimeInForce;
import io.eventdesk.domain.value.Side;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A deliberately naive venue for the differential test: bars only, fixed latency, no slippage, no fees. Instead of
 * reasoning about segments of the bar's path it walks the path one tick at a time (O, every tick to the first
 * extreme, every tick to the second, every tick to the close) and, at each price, looks at every order in time
 * priority. Slow and obvious; {@link PaperVenue} must produce exactly the same fills.
 */
final class ReferenceVenue {
    /** What happened, as the comparison needs it. */
    record Event(String kind, long order, BigDecimal quantity, BigDecimal price, Instant time) {}

    private final Duration latency;
    private final BigDecimal tick;
    private final BigDecimal participation; // null: no cap
    private final List<Pending> pending = new ArrayList<>();
    private final List<Resting> book = new ArrayList<>(); // in time priority
    private final List<Event> events = new ArrayList<>();
    private long sequence;

    ReferenceVenue(Duration latency, BigDecimal tick, BigDecimal participation) {
        this.latency = latency;
        this.tick = tick;
        this.participation = participation;
    }

    private record Pending(Instant arrival, long sequence, OrderId id, OrderRequest order) {} // order null: cancel

    private static final class Resting {
        final long id;
        final OrderRequest order;
        final Instant arrival;
        BigDecimal left;
        boolean triggered;

        Resting(long id, OrderRequest order, Instant arrival) {
            this.id = id;
            this.order = order;
            this.arrival = arrival;
            this.left = order.quantity().toBigDecimal();
        }

        boolean buy() {
            return order.side() == Side.BUY;
        }
    }

    void submit(OrderId id, OrderRequest order, Instant decision) {
        pending.add(new Pending(decision.plus(latency), ++sequence, id, order));
    }

    void cancel(OrderId id, Instant decision) {
        pending.add(new Pending(decision.plus(latency), ++sequence, id, null));
    }

    List<Event> events() {
        return events;
    }

    void onBar(Bar bar) {
        arriveUntil(bar.openTime());
        BigDecimal budget = participation == null || bar.volume() == null
                ? null
                : bar.volume().toBigDecimal().multiply(participation).setScale(0, RoundingMode.DOWN);
        List<BigDecimal> walk = walk(bar);
        for (int j = 0; j < walk.size(); j++) {
            BigDecimal p = walk.get(j);
            Instant time = j == 0 ? bar.openTime() : bar.closeTime();
            for (Resting r : new ArrayList<>(book)) {
                if (r.arrival.isAfter(bar.openTime())) {
                    continue;
                }
                boolean immediate =
                        r.order.timeInForce() == TimeInForce.IOC || r.order.timeInForce() == TimeInForce.FOK;
                if (immediate && j > 0) {
                    continue;
                }
                BigDecimal price = null;
                OrderType type = r.order.type();
                if (type.hasTrigger() && !r.triggered) {
                    BigDecimal trigger = r.order.triggerPrice().toBigDecimal();
                    if (r.buy() ? p.compareTo(trigger) >= 0 : p.compareTo(trigger) <= 0) {
                        r.triggered = true;
                        if (type == OrderType.STOP || through(r, p)) {
                            price = p;
                        }
                    }
                } else if (!type.hasLimit()) {
                    price = j == 0 ? p : null; // market orders trade at the open
                } else if (through(r, p)) {
                    price = p;
                }
                if (price == null) {
                    continue;
                }
                BigDecimal quantity = budget == null ? r.left : r.left.min(budget);
                if (r.order.timeInForce() == TimeInForce.FOK && quantity.compareTo(r.left) < 0) {
                    book.remove(r);
                    events.add(new Event("canceled", r.id, null, null, time));
                    continue;
                }
                if (quantity.signum() == 0) {
                    continue;
                }
                if (budget != null) {
                    budget = budget.subtract(quantity);
                }
                r.left = r.left.subtract(quantity);
                events.add(new Event("filled", r.id, quantity, price, time));
                if (r.left.signum() == 0) {
                    book.remove(r);
                }
            }
        }
        for (Resting r : new ArrayList<>(book)) {
            boolean immediate = r.order.timeInForce() == TimeInForce.IOC || r.order.timeInForce() == TimeInForce.FOK;
            if (immediate && !r.arrival.isAfter(bar.openTime())) {
                book.remove(r);
                events.add(new Event("canceled", r.id, null, null, bar.openTime()));
            }
        }
        arriveUntil(bar.closeTime());
    }

    private static boolean through(Resting r, BigDecimal p) {
        BigDecimal limit = r.order.limitPrice().toBigDecimal();
        return r.buy() ? p.compareTo(limit) <= 0 : p.compareTo(limit) >= 0;
    }

    private void arriveUntil(Instant time) {
        pending.sort(Comparator.comparing(Pending::arrival).thenComparingLong(Pending::sequence));
        while (!pending.isEmpty() && !pending.get(0).arrival().isAfter(time)) {
            Pending next = pending.remove(0);
            if (next.order() != null) {
                book.add(new Resting(next.id().value(), next.order(), next.arrival()));
                events.add(new Event("accepted", next.id().value(), null, null, next.arrival()));
                continue;
            }
            Resting found = null;
            for (Resting r : book) {
                if (r.id == next.id().value()) {
                    found = r;
                }
            }
            if (found == null) {
                events.add(new Event("cancelRejected", next.id().value(), null, null, next.arrival()));
            } else {
                book.remove(found);
                events.add(new Event("canceled", next.id().value(), null, null, next.arrival()));
            }
        }
    }

    /** Every price the bar trades through, one tick apart, in path order; each price once per pass. */
    private List<BigDecimal> walk(Bar bar) {
        BigDecimal o = bar.open().toBigDecimal();
        BigDecimal h = bar.high().toBigDecimal();
        BigDecimal l = bar.low().toBigDecimal();
        BigDecimal c = bar.close().toBigDecimal();
        boolean highFirst = h.subtract(o).compareTo(o.subtract(l)) <= 0;
        List<BigDecimal> points = new ArrayList<>();
        points.add(o);
        for (BigDecimal target : highFirst ? List.of(h, l, c) : List.of(l, h, c)) {
            BigDecimal at = points.get(points.size() - 1);
            int direction = target.compareTo(at);
            while (at.compareTo(target) != 0) {
                at = at.add(tick.multiply(BigDecimal.valueOf(direction)));
                points.add(at);
            }
        }
        return points;
    }
}
