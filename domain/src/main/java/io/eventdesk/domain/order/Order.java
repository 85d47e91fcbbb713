package io.eventdesk.domain.order;

import io.eventdesk.domain.instrument.InstrumentId;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import io.eventdesk.domain.value.Side;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An order and its life cycle. Every change goes through {@link OrderStateTable}; a duplicate fill id and an
 * overfill are refused.
 */
public final class Order {
    private final OrderId id;
    private OrderRequest request;
    private final Instant createdTime;
    private List<String> fillIds;
    private OrderStatus status = OrderStatus.INITIALIZED;
    private OrderStatus statusBeforePending;
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

    /** Applies any non-fill event. */
    public void apply(OrderAction action) {
        if (action == OrderAction.FILL) {
            throw new IllegalArgumentException("use fill(..) for fills: they carry a quantity");
        }
        move(action);
    }

    public void deny(String code) {
        move(OrderAction.DENY);
        this.denyCode = code;
    }

    /** Applies a fill of {@code quantity} at {@code price}. */
    public void fill(String fillId, Quantity quantity, Price price) {
        OrderStateTable.edge(status, OrderAction.FILL)
                .orElseThrow(() -> new IllegalOrderTransition(id, status, OrderAction.FILL));
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
        status = filledQuantity.compareTo(request.quantity()) == 0 ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED;
    }

    /**
     * The venue applied a replace: the order works on with a new total quantity and/or limit price, in the status
     * it had before the replace was requested.
     */
    public void replace(Quantity newQuantity, Price newLimitPrice) {
        replace(newQuantity, newLimitPrice, request.triggerPrice());
    }

    /** A replace of quantity, limit price and trigger price. */
    public void replace(Quantity newQuantity, Price newLimitPrice, Price newTriggerPrice) {
        OrderStateTable.edge(status, OrderAction.REPLACE)
                .orElseThrow(() -> new IllegalOrderTransition(id, status, OrderAction.REPLACE));
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
        OrderStateTable.Edge edge =
                OrderStateTable.edge(status, action).orElseThrow(() -> new IllegalOrderTransition(id, status, action));
        OrderStatus next = switch (edge.target()) {
            case STATUS -> edge.to();
            case PREVIOUS_STATUS -> statusBeforePending;
            case BY_FILLED_QUANTITY -> throw new IllegalArgumentException("fills go through fill(..)");
        };
        if (next == OrderStatus.PENDING_CANCEL || next == OrderStatus.PENDING_REPLACE) {
            statusBeforePending = status;
        }
        status = next;
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
