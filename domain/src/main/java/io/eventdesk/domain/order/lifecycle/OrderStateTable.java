package io.eventdesk.domain.order.lifecycle;

import static io.eventdesk.domain.order.OrderStatus.ACCEPTED;
import static io.eventdesk.domain.order.OrderStatus.CANCELED;
import static io.eventdesk.domain.order.OrderStatus.DENIED;
import static io.eventdesk.domain.order.OrderStatus.EXPIRED;
import static io.eventdesk.domain.order.OrderStatus.FILLED;
import static io.eventdesk.domain.order.OrderStatus.INITIALIZED;
import static io.eventdesk.domain.order.OrderStatus.PARTIALLY_FILLED;
import static io.eventdesk.domain.order.OrderStatus.PENDING_CANCEL;
import static io.eventdesk.domain.order.OrderStatus.PENDING_REPLACE;
import static io.eventdesk.domain.order.OrderStatus.REJECTED;
import static io.eventdesk.domain.order.OrderStatus.SUBMITTED;
import static io.eventdesk.domain.order.lifecycle.OrderAction.ACCEPT;
import static io.eventdesk.domain.order.lifecycle.OrderAction.CANCEL;
import static io.eventdesk.domain.order.lifecycle.OrderAction.CANCEL_REJECT;
import static io.eventdesk.domain.order.lifecycle.OrderAction.DENY;
import static io.eventdesk.domain.order.lifecycle.OrderAction.EXPIRE;
import static io.eventdesk.domain.order.lifecycle.OrderAction.FILL;
import static io.eventdesk.domain.order.lifecycle.OrderAction.REJECT;
import static io.eventdesk.domain.order.lifecycle.OrderAction.REPLACE;
import static io.eventdesk.domain.order.lifecycle.OrderAction.REPLACE_REJECT;
import static io.eventdesk.domain.order.lifecycle.OrderAction.SUBMIT;

import io.eventdesk.domain.order.OrderStatus;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The order state machine as one table, one line per edge, each with the reason it exists: the only place an
 * order's next status is decided ({@link Order#apply} reads it). Every event a real venue can send in every status
 * has an edge, including the interleavings latency makes possible: fills while a cancel or a replace travels, a
 * replace applied after a partial fill, and the answer to a request that arrives after the order closed. Anything
 * not in the table is an {@link IllegalOrderTransition}: a bug upstream, never an outcome of the market.
 */
public final class OrderStateTable {

    /** Where an edge leads. */
    public enum Target {
        /** a fixed status */
        STATUS,
        /** FILLED when nothing is left, PARTIALLY_FILLED otherwise */
        BY_FILLED_QUANTITY,
        /** the working status under the pending request (SUBMITTED, ACCEPTED or PARTIALLY_FILLED) */
        PREVIOUS_STATUS,
        /**
         * the event is about the order underneath a pending request: it is applied to the working status by that
         * status's own edge; the order stays pending unless the event closes it
         */
        WORKING_STATUS,
        /** the status does not change (the event's content may: a replace's new terms) */
        UNCHANGED
    }

    /** One edge of the table. {@code to} is meaningful only when {@code target} is {@link Target#STATUS}. */
    public record Edge(OrderStatus from, OrderAction action, Target target, OrderStatus to, String why) {}

    private static final List<Edge> EDGES = new ArrayList<>();
    private static final Map<OrderStatus, Map<OrderAction, Edge>> TABLE = new EnumMap<>(OrderStatus.class);

    static {
        to(INITIALIZED, DENY, DENIED, "the risk engine refused it; the order never left the desk");
        to(INITIALIZED, SUBMIT, SUBMITTED, "the risk engine let it through; it is on its way to the venue");

        to(SUBMITTED, ACCEPT, ACCEPTED, "the venue acknowledged it");
        to(SUBMITTED, REJECT, REJECTED, "the venue refused it (grid, funds, no market)");
        byQuantity(SUBMITTED, "a marketable order may fill as it arrives, before any acknowledgement");
        to(SUBMITTED, CANCEL, CANCELED, "an IOC/FOK order's unfilled quantity is canceled on arrival");
        to(
                SUBMITTED,
                OrderAction.PENDING_CANCEL,
                PENDING_CANCEL,
                "a cancel may leave before the venue acknowledged the order; it arrives after the order");
        to(
                SUBMITTED,
                OrderAction.PENDING_REPLACE,
                PENDING_REPLACE,
                "a replace may leave before the venue acknowledged the order; it arrives after the order");

        for (OrderStatus working : List.of(ACCEPTED, PARTIALLY_FILLED)) {
            to(working, OrderAction.PENDING_CANCEL, PENDING_CANCEL, "a cancel request was sent; fills may still come");
            to(
                    working,
                    OrderAction.PENDING_REPLACE,
                    PENDING_REPLACE,
                    "a replace request was sent; fills may still come");
            byQuantity(working, "the venue matched (part of) it; the remaining quantity decides the status");
            to(working, CANCEL, CANCELED, "the venue canceled it (execution it could not fund, reduce-only closed)");
            to(working, EXPIRE, EXPIRED, "its time in force ran out (DAY at session end, GTD at its time)");
        }

        for (OrderStatus pending : List.of(PENDING_CANCEL, PENDING_REPLACE)) {
            working(pending, ACCEPT, "the order the request follows was acknowledged on its way; still pending");
            working(pending, REJECT, "the order the request follows was refused on arrival: it closes as REJECTED");
            working(pending, FILL, "a fill while the request travels: still pending, unless nothing is left (FILLED)");
            to(
                    pending,
                    CANCEL,
                    CANCELED,
                    "the venue canceled it: the cancel arrived, or the venue canceled on its own");
            to(pending, EXPIRE, EXPIRED, "its time in force ran out while the request travelled");
        }
        previous(PENDING_CANCEL, CANCEL_REJECT, "the venue refused the cancel; the order works on");
        unchanged(
                PENDING_CANCEL,
                REPLACE,
                "a replace sent before the cancel was applied; the order works on with its new terms until the cancel"
                        + " arrives");
        unchanged(
                PENDING_CANCEL,
                REPLACE_REJECT,
                "a replace sent before the cancel was refused; the cancel still travels");
        previous(PENDING_REPLACE, REPLACE, "the venue applied the new terms to what is left; the order works on");
        previous(PENDING_REPLACE, REPLACE_REJECT, "the venue refused the replace; the order works on unchanged");
        to(
                PENDING_REPLACE,
                OrderAction.PENDING_CANCEL,
                PENDING_CANCEL,
                "a cancel sent while a replace travels; the replace's answer comes first");

        for (OrderStatus closed : List.of(FILLED, CANCELED, EXPIRED, REJECTED)) {
            unchanged(closed, CANCEL_REJECT, "the cancel arrived after the order closed: too late, nothing changes");
            unchanged(closed, REPLACE_REJECT, "the replace arrived after the order closed: too late, nothing changes");
        }
    }

    private OrderStateTable() {}

    private static void to(OrderStatus from, OrderAction action, OrderStatus to, String why) {
        add(new Edge(from, action, Target.STATUS, to, why));
    }

    private static void byQuantity(OrderStatus from, String why) {
        add(new Edge(from, FILL, Target.BY_FILLED_QUANTITY, null, why));
    }

    private static void previous(OrderStatus from, OrderAction action, String why) {
        add(new Edge(from, action, Target.PREVIOUS_STATUS, null, why));
    }

    private static void working(OrderStatus from, OrderAction action, String why) {
        add(new Edge(from, action, Target.WORKING_STATUS, null, why));
    }

    private static void unchanged(OrderStatus from, OrderAction action, String why) {
        add(new Edge(from, action, Target.UNCHANGED, from, why));
    }

    private static void add(Edge edge) {
        Edge old = TABLE.computeIfAbsent(edge.from(), k -> new EnumMap<>(OrderAction.class))
                .put(edge.action(), edge);
        if (old != null) {
            throw new IllegalStateException("duplicate edge " + edge.from() + " / " + edge.action());
        }
        EDGES.add(edge);
    }

    /** The edge for {@code (from, action)}, if the table has one. */
    public static Optional<Edge> edge(OrderStatus from, OrderAction action) {
        return Optional.ofNullable(edgeOrNull(from, action));
    }

    /** The edge for {@code (from, action)}, or null: the allocation-free form of {@link #edge}. */
    static Edge edgeOrNull(OrderStatus from, OrderAction action) {
        Map<OrderAction, Edge> row = TABLE.get(from);
        return row == null ? null : row.get(action);
    }

    /** Every edge, in the order written above. */
    public static List<Edge> edges() {
        return Collections.unmodifiableList(EDGES);
    }
}
