package io.eventdesk.domain.order.lifecycle;

import io.eventdesk.domain.event.OrderDenied;
import io.eventdesk.domain.event.OrderEvent;
import io.eventdesk.domain.event.OrderFilled;
import io.eventdesk.domain.event.OrderInitialized;
import io.eventdesk.domain.event.OrderModifyDenied;
import io.eventdesk.domain.event.OrderReplaced;
import io.eventdesk.domain.event.OrderTriggered;
import io.eventdesk.domain.instrument.InstrumentId;
import io.eventdesk.domain.order.OrderId;
import io.eventdesk.domain.order.OrderRequest;
import io.eventdesk.domain.order.OrderStatus;
import io.eventdesk.domain.order.OrderView;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import io.eventdesk.domain.value.Side;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An order and its life cycle. Every change is an {@link OrderEvent} given to {@link #apply(OrderEvent)}, whose next
 * status comes from {@link OrderStateTable}; a duplicate fill id and an overfill are refused.
 */
public final class Order {
    private final OrderId id;
    private OrderRequest request;
    private final Instant createdTime;
    private List<String> fillIds;
    private OrderStatus status = OrderStatus.INITIALIZED;
    /** under a pending cancel or replace: the status the order works in (SUBMITTED, ACCEPTED, PARTIALLY_FILLED) */
    private OrderStatus workingStatus;

    private Quantity filledQuantity;
    private BigDecimal filledValue = BigDecimal.ZERO;
    private String denyCode;

    public Order(OrderId id, OrderRequest request, Instant createdTime) {
        if (id == null || request == null || createdTime == null) {
            throw new IllegalArgumentException("order needs an id, a request and a creation time");
        }
        this.id = id;
        this.request = request;
        this.createdTime = createdTime;
        this.filledQuantity = new Quantity(0, request.quantity().scale());
    }

    /** A new order as its {@link OrderInitialized} event describes it. */
    public static Order initialized(OrderInitialized event) {
        return new Order(event.orderId(), event.request(), event.time());
    }

    /**
     * Applies one event of the order's life cycle: the single entry point of every change, for the engine, the run
     * files, a rebuild from the journal and the service alike. The next status comes from {@link OrderStateTable}
     * alone; a fill also checks its id (a duplicate is refused) and its quantity (an overfill is refused), and a
     * replace its new quantity (it must exceed what has filled). Events that change no status (a trigger, a modify
     * the risk engine denied) are accepted while the order is open.
     *
     * @throws IllegalOrderTransition if the table has no edge for the event in the current status
     */
    public void apply(OrderEvent event) {
        if (!id.equals(event.orderId())) {
            throw new IllegalArgumentException("order " + id + " cannot apply an event of order " + event.orderId());
        }
        if (event instanceof OrderFilled f) {
            fill(f.fillId(), f.quantity(), f.price());
        } else if (event instanceof OrderReplaced r) {
            replace(r.quantity(), r.limitPrice(), r.triggerPrice());
        } else if (event instanceof OrderDenied d) {
            move(OrderAction.DENY);
            denyCode = d.code();
        } else if (event instanceof OrderTriggered || event instanceof OrderModifyDenied) {
            if (status.isClosed()) {
                throw new IllegalArgumentException("order " + id + " is " + status + ": "
                        + event.getClass().getSimpleName() + " cannot follow");
            }
        } else if (event instanceof OrderInitialized) {
            throw new IllegalArgumentException("order " + id + " is initialized already");
        } else {
            move(OrderAction.of(event));
        }
    }

    /** Whether the table allows {@code action} now: a cancel or replace the desk could send, say. */
    public boolean allows(OrderAction action) {
        return OrderStateTable.edgeOrNull(status, action) != null;
    }

    private void fill(String fillId, Quantity quantity, Price price) {
        if (!allows(OrderAction.FILL)) {
            throw new IllegalOrderTransition(id, status, OrderAction.FILL);
        }
        if (!quantity.isPositive()) {
            throw new IllegalArgumentException("order " + id + ": fill quantity must be positive, got " + quantity);
        }
        if (fillIds != null && fillIds.contains(fillId)) {
            throw new IllegalArgumentException("order " + id + ": duplicate fill id " + fillId);
        }
        if (quantity.compareTo(leavesQuantity()) > 0) {
            throw new IllegalArgumentException(
                    "order " + id + ": fill of " + quantity + " exceeds the " + leavesQuantity() + " left (overfill)");
        }
        if (fillIds == null) {
            fillIds = new ArrayList<>(2);
        }
        fillIds.add(fillId);
        filledQuantity = filledQuantity.plus(quantity);
        filledValue = filledValue.add(price.toBigDecimal().multiply(quantity.toBigDecimal()));
        move(OrderAction.FILL);
    }

    /** The venue applied a replace of quantity, limit price and trigger price to what is left. */
    private void replace(Quantity newQuantity, Price newLimitPrice, Price newTriggerPrice) {
        if (!allows(OrderAction.REPLACE)) {
            throw new IllegalOrderTransition(id, status, OrderAction.REPLACE);
        }
        if (newQuantity.compareTo(filledQuantity) <= 0) {
            throw new IllegalArgumentException("order " + id + ": the new quantity " + newQuantity
                    + " must exceed what has filled (" + filledQuantity + ")");
        }
        OrderRequest replaced = request.withQuantityAndPrices(newQuantity, newLimitPrice, newTriggerPrice);
        move(OrderAction.REPLACE);
        request = replaced;
    }

    /** A read-only snapshot. */
    public OrderView view() {
        return new OrderView(
                id,
                request.strategyId(),
                request.instrument(),
                request.side(),
                request.type(),
                request.quantity(),
                filledQuantity,
                request.limitPrice(),
                request.timeInForce(),
                status,
                request.triggerPrice());
    }

    private void move(OrderAction action) {
        OrderStateTable.Edge edge = OrderStateTable.edgeOrNull(status, action);
        if (edge == null) {
            throw new IllegalOrderTransition(id, status, action);
        }
        OrderStatus next = switch (edge.target()) {
            case STATUS -> edge.to();
            case BY_FILLED_QUANTITY -> byFilledQuantity();
            case PREVIOUS_STATUS -> workingStatus;
            case UNCHANGED -> status;
            case WORKING_STATUS -> {
                OrderStateTable.Edge below = OrderStateTable.edgeOrNull(workingStatus, action);
                if (below == null) {
                    throw new IllegalOrderTransition(id, workingStatus, action);
                }
                OrderStatus working =
                        below.target() == OrderStateTable.Target.BY_FILLED_QUANTITY ? byFilledQuantity() : below.to();
                if (working.isClosed()) {
                    yield working;
                }
                workingStatus = working;
                yield status;
            }
        };
        if (next.isPending() && !status.isPending()) {
            workingStatus = status;
        }
        status = next;
    }

    private OrderStatus byFilledQuantity() {
        return filledQuantity.compareTo(request.quantity()) == 0 ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED;
    }

    public OrderId id() {
        return id;
    }

    public OrderRequest request() {
        return request;
    }

    public String strategyId() {
        return request.strategyId();
    }

    public InstrumentId instrument() {
        return request.instrument();
    }

    public Side side() {
        return request.side();
    }

    public Quantity quantity() {
        return request.quantity();
    }

    public Instant createdTime() {
        return createdTime;
    }

    public OrderStatus status() {
        return status;
    }

    /** The status under a pending request (the status itself otherwise). */
    public OrderStatus workingStatus() {
        return status.isPending() ? workingStatus : status;
    }

    public boolean isClosed() {
        return status.isClosed();
    }

    public Quantity filledQuantity() {
        return filledQuantity;
    }

    public Quantity leavesQuantity() {
        return request.quantity().minus(filledQuantity);
    }

    /** The volume-weighted average fill price, or {@code null} before the first fill. */
    public BigDecimal averageFillPrice() {
        if (filledQuantity.isZero()) {
            return null;
        }
        int scale = (request.limitPrice() == null ? 8 : request.limitPrice().scale()) + 4;
        return filledValue.divide(filledQuantity.toBigDecimal(), scale, RoundingMode.HALF_EVEN);
    }

    /** The risk code of a denied order, or {@code null}. */
    public String denyCode() {
        return denyCode;
    }

    @Override
    public String toString() {
        return id + " " + request.side() + " " + request.quantity() + " " + request.instrument() + " " + request.type()
                + " " + status;
    }
}
