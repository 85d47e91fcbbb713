package io.eventdesk.domain.order;

import static io.eventdesk.domain.order.OrderAction.ACCEPT;
import static io.eventdesk.domain.order.OrderAction.CANCEL;
import static io.eventdesk.domain.order.OrderAction.CANCEL_REJECT;
import static io.eventdesk.domain.order.OrderAction.DENY;
import static io.eventdesk.domain.order.OrderAction.EXPIRE;
import static io.eventdesk.domain.order.OrderAction.FILL;
import static io.eventdesk.domain.order.OrderAction.REJECT;
import static io.eventdesk.domain.order.OrderAction.REPLACE;
import static io.eventdesk.domain.order.OrderAction.REPLACE_REJECT;
import static io.eventdesk.domain.order.OrderAction.SUBMIT;
import static io.eventdesk.domain.order.OrderStatus.ACCEPTED;
import static io.eventdesk.domain.order.OrderStatus.CANCELED;
import static io.eventdesk.domain.order.OrderStatus.DENIED;
import static io.eventdesk.domain.order.OrderStatus.EXPIRED;
import static io.eventdesk.domain.order.OrderStatus.INITIALIZED;
import static io.eventdesk.domain.order.OrderStatus.PARTIALLY_FILLED;
import static io.eventdesk.domain.order.OrderStatus.PENDING_CANCEL;
import static io.eventdesk.domain.order.OrderStatus.PENDING_REPLACE;
import static io.eventdesk.domain.order.OrderStatus.REJECTED;
import static io.eventdesk.domain.order.OrderStatus.SUBMITTED;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The order state machine as one table, one line per edge, each with the reason it exists. Anything not in the
 * table is an {@link IllegalOrderTransition}.
 */
public final class OrderStateTable {

    /** Where an edge leads. */
    public enum Target {
        /** a fixed status */
        STATUS,
        /** FILLED when nothing is left, PARTIALLY_FILLED otherwise */
        BY_FILLED_QUANTITY,
        /** the status the order had before it went pending */
        PREVIOUS_STATUS
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

        for (OrderStatus working : List.of(ACCEPTED, PARTIALLY_FILLED)) {
            to(working, OrderAction.PENDING_CANCEL, PENDING_CANCEL, "a cancel request was sent; fills may still come");
            to(
                    working,
                    OrderAction.PENDING_REPLACE,
                    PENDING_REPLACE,
                    "a replace request was sent; fills may still come");
        }
        for (OrderStatus live : List.of(ACCEPTED, PARTIALLY_FILLED, PENDING_CANCEL, PENDING_REPLACE)) {
            byQuantity(live, "the venue matched (part of) it; the remaining quantity decides the status");
            to(live, CANCEL, CANCELED, "the venue canceled it (request, or an execution it could not fund)");
            to(live, EXPIRE, EXPIRED, "its time in force ran out (DAY at session end, GTD at its time)");
        }
        previous(PENDING_REPLACE, REPLACE, "the venue applied the new price/quantity; the order works on");
        previous(PENDING_REPLACE, REPLACE_REJECT, "the venue refused the replace; the order works on unchanged");
        previous(PENDING_CANCEL, CANCEL_REJECT, "the venue refused the cancel (too late); the order works on");
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
        Map<OrderAction, Edge> row = TABLE.get(from);
        return Optional.ofNullable(row == null ? null : row.get(action));
    }

    /** Every edge, in the order written above. */
    public static List<Edge> edges() {
        return Collections.unmodifiableList(EDGES);
    }
}
