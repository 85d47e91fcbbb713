package io.eventdesk.application.engine;

import io.eventdesk.domain.event.OrderAccepted;
import io.eventdesk.domain.event.OrderCancelRejected;
import io.eventdesk.domain.event.OrderCanceled;
import io.eventdesk.domain.event.OrderDenied;
import io.eventdesk.domain.event.OrderEvent;
import io.eventdesk.domain.event.OrderExpired;
import io.eventdesk.domain.event.OrderFilled;
import io.eventdesk.domain.event.OrderInitialized;
import io.eventdesk.domain.event.OrderModifyDenied;
import io.eventdesk.domain.event.OrderPendingCancel;
import io.eventdesk.domain.event.OrderPendingReplace;
import io.eventdesk.domain.event.OrderRejected;
import io.eventdesk.domain.event.OrderReplaceRejected;
import io.eventdesk.domain.event.OrderReplaced;
import io.eventdesk.domain.event.OrderSubmitted;
import io.eventdesk.domain.event.OrderTriggered;
import io.eventdesk.domain.event.RuleCheck;
import io.eventdesk.domain.instrument.Instrument;
import io.eventdesk.domain.instrument.InstrumentId;
import io.eventdesk.domain.order.Liquidity;
import io.eventdesk.domain.order.OrderId;
import io.eventdesk.domain.order.OrderRequest;
import io.eventdesk.domain.order.OrderStatus;
import io.eventdesk.domain.order.OrderView;
import io.eventdesk.domain.order.lifecycle.Fill;
import io.eventdesk.domain.order.lifecycle.OpenOrders;
import io.eventdesk.domain.order.lifecycle.Order;
import io.eventdesk.domain.order.lifecycle.OrderAction;
import io.eventdesk.domain.port.ClockPort;
import io.eventdesk.domain.port.ExecutionReportListener;
import io.eventdesk.domain.port.ExecutionVenuePort;
import io.eventdesk.domain.portfolio.Portfolio;
import io.eventdesk.domain.portfolio.PortfolioView;
import io.eventdesk.domain.risk.RiskContext;
import io.eventdesk.domain.risk.RiskDecision;
import io.eventdesk.domain.value.Currency;
import io.eventdesk.domain.value.Money;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The desk's orders: creates them, sends what the gate approves to the venue, carries out cancels and replaces, and
 * turns the venue's reports into order events. Every event goes through {@link OpenOrders} (and so
 * {@code Order.apply}), is journaled, and a fill then changes the portfolio. Keeps what open orders commit: pending
 * quantity and reserved cash.
 */
final class OrderManager implements ExecutionReportListener {
    /** the rule name of refusals of a cancel or replace the order's status does not allow */
    static final String ORDER_STATE_RULE = "order-state";

    private final EventPublisher publisher;
    private final ClockPort clock;
    private final Portfolio portfolio;
    private final ExecutionVenuePort venue;
    private final PreTradeGate gate;
    private final KillSwitch killSwitch;
    private final OpenOrders open = new OpenOrders();
    /** orders the desk sent itself (flattening on a halt or a margin call) */
    private final Set<OrderId> deskOrders = new HashSet<>();

    private long nextOrderId;
    private long submitted;
    private long filled;
    private long denied;
    private long fills;

    OrderManager(
            EventPublisher publisher,
            ClockPort clock,
            Portfolio portfolio,
            ExecutionVenuePort venue,
            PreTradeGate gate,
            KillSwitch killSwitch) {
        this.publisher = publisher;
        this.clock = clock;
        this.portfolio = portfolio;
        this.venue = venue;
        this.gate = gate;
        this.killSwitch = killSwitch;
    }

    // ---------------------------------------------------------------- the desk's requests

    /**
     * Creates an order for {@code request}, has the gate judge it and, if approved, sends it to the venue.
     *
     * @param pending the signed quantity of the instrument's open orders the gate counts
     */
    void submit(String strategyId, long signalSequence, OrderRequest request, Quantity pending, boolean desk) {
        Instant now = clock.now();
        OrderId id = new OrderId(++nextOrderId);
        apply(new OrderInitialized(publisher.next(), now, id, request));
        Instrument instrument = portfolio.instrument(request.instrument());
        RiskDecision decision =
                gate.check(id, request, pending, reservedCash(instrument.currency(), id), signalSequence, desk, now);
        if (decision.approved()) {
            if (desk) {
                deskOrders.add(id);
            }
            Instant arrival = venue.submit(id, request, now);
            gate.submitted(request, now);
            submitted++;
            apply(new OrderSubmitted(publisher.next(), now, id, arrival));
        } else {
            RuleCheck failure = decision.firstFailure().orElseThrow();
            denied++;
            apply(new OrderDenied(publisher.next(), now, id, failure.code(), failure.rule(), failure.detail()));
        }
    }

    /**
     * Sends a cancel of {@code order}; one the order's status does not allow (a cancel already on its way) is
     * refused as a value, journaled as {@link OrderModifyDenied}.
     */
    void cancel(Order order, String reason) {
        Instant now = clock.now();
        if (!order.allows(OrderAction.PENDING_CANCEL)) {
            refuse(order, "CANCEL_NOT_ALLOWED", "a cancel is not allowed in status " + order.status(), now);
            return;
        }
        apply(new OrderPendingCancel(publisher.next(), now, order.id(), reason));
        venue.cancel(order.id(), now);
    }

    /**
     * Sends a replace of {@code order} with a new total quantity, limit and trigger, once the gate approves what
     * would be left. One the order's status does not allow, or not above what has filled, is refused as a value.
     */
    void replace(Order order, Quantity quantity, Price limitPrice, Price triggerPrice, String reason) {
        Instant now = clock.now();
        if (!order.allows(OrderAction.PENDING_REPLACE)) {
            refuse(order, "REPLACE_NOT_ALLOWED", "a replace is not allowed in status " + order.status(), now);
            return;
        }
        Quantity remaining = quantity.minus(order.filledQuantity());
        if (!remaining.isPositive()) {
            refuse(
                    order,
                    "REPLACE_BELOW_FILLED",
                    "the new quantity " + quantity + " does not exceed the " + order.filledQuantity()
                            + " already filled",
                    now);
            return;
        }
        OrderRequest rest;
        try {
            rest = order.request().withQuantityAndPrices(remaining, limitPrice, triggerPrice);
        } catch (IllegalArgumentException e) {
            refuse(order, "REPLACE_INVALID", e.getMessage(), now);
            return;
        }
        Quantity othersPending =
                pendingQuantity(order.instrument(), null).minus(order.side().signed(order.leavesQuantity()));
        Money othersReserved =
                reservedCash(portfolio.instrument(order.instrument()).currency(), order.id());
        RiskDecision decision = gate.check(order.id(), rest, othersPending, othersReserved, 0, false, now);
        if (!decision.approved()) {
            RuleCheck failure = decision.firstFailure().orElseThrow();
            apply(new OrderModifyDenied(
                    publisher.next(), now, order.id(), failure.code(), failure.rule(), failure.detail()));
            return;
        }
        apply(new OrderPendingReplace(publisher.next(), now, order.id(), quantity, limitPrice, triggerPrice, reason));
        venue.replace(order.id(), quantity, limitPrice, triggerPrice, now);
    }

    private void refuse(Order order, String code, String detail, Instant now) {
        apply(new OrderModifyDenied(
                publisher.next(), now, order.id(), code, ORDER_STATE_RULE, "order " + order.id() + ": " + detail));
    }

    /** Cancels every open order the venue holds or will hold (the kill switch's HALTED). */
    void cancelAll(String reason) {
        for (Order order : new ArrayList<>(open.all())) {
            OrderStatus working = order.workingStatus();
            if (working == OrderStatus.SUBMITTED || order.status() == OrderStatus.PENDING_CANCEL) {
                continue; // not at the venue yet: canceled once accepted (see accepted), or a cancel is on its way
            }
            cancel(order, reason);
        }
    }

    // ---------------------------------------------------------------- what open orders commit

    /** Signed quantity of open orders in an instrument, of one strategy or (null) of all. */
    Quantity pendingQuantity(InstrumentId instrument, String strategyId) {
        Quantity sum = Quantity.ZERO;
        for (Order o : open.all()) {
            if (o.instrument().equals(instrument)
                    && (strategyId == null || o.strategyId().equals(strategyId))) {
                sum = sum.plus(o.side().signed(o.leavesQuantity()));
            }
        }
        return sum;
    }

    /**
     * What open buy orders paid in {@code currency} (but {@code except}) will cost at their reference prices, fees
     * included: the cash they commit.
     */
    Money reservedCash(Currency currency, OrderId except) {
        return RiskContext.reservedCash(open, portfolio, currency, except, venue::estimateFee);
    }

    /** What one strategy sees of its open orders. */
    List<OrderView> openOrderViews(String strategyId) {
        List<OrderView> own = new ArrayList<>();
        for (Order o : open.all()) {
            if (o.strategyId().equals(strategyId)) {
                own.add(o.view());
            }
        }
        return own;
    }

    /** The price an order is expected to trade at, as the gate values it; null if none is known. */
    Price referencePrice(OrderRequest request) {
        return gate.referencePrice(request);
    }

    /** The open order with this id, or null. */
    /** The open orders, oldest first (read-only). */
    java.util.Collection<Order> openOrders() {
        return open.all();
    }

    Order open(OrderId id) {
        return open.get(id);
    }

    long submitted() {
        return submitted;
    }

    long filled() {
        return filled;
    }

    long denied() {
        return denied;
    }

    long fills() {
        return fills;
    }

    // ---------------------------------------------------------------- the venue's reports

    @Override
    public PortfolioView account() {
        return portfolio;
    }

    @Override
    public void accepted(OrderId id, Instant time) {
        Order order = apply(new OrderAccepted(publisher.next(), time, id));
        if (killSwitch.isHalted() && !deskOrders.contains(id) && order.status() != OrderStatus.PENDING_CANCEL) {
            cancel(order, "kill switch: trading is HALTED"); // it was on its way when the desk halted
        }
    }

    @Override
    public void rejected(OrderId id, Instant time, String reason) {
        apply(new OrderRejected(publisher.next(), time, id, reason));
    }

    @Override
    public void filled(
            OrderId id,
            Instant time,
            String fillId,
            Quantity quantity,
            Price price,
            Price slippage,
            Money fee,
            Liquidity liquidity) {
        Order order = open.get(id);
        if (order == null) {
            throw new IllegalStateException("venue filled " + id + ", which is not an open order");
        }
        OrderFilled fill =
                new Fill(fillId, time, quantity, price, fee, liquidity, slippage).of(order, publisher.next());
        apply(fill);
        portfolio.apply(fill);
        fills++;
        if (order.status() == OrderStatus.FILLED) {
            filled++;
        }
    }

    @Override
    public void triggered(OrderId id, Instant time, Price price) {
        apply(new OrderTriggered(publisher.next(), time, id, price));
    }

    @Override
    public void canceled(OrderId id, Instant time, String reason) {
        apply(new OrderCanceled(publisher.next(), time, id, reason));
    }

    @Override
    public void expired(OrderId id, Instant time) {
        apply(new OrderExpired(publisher.next(), time, id));
    }

    @Override
    public void cancelRejected(OrderId id, Instant time, String reason) {
        apply(new OrderCancelRejected(publisher.next(), time, id, reason));
    }

    @Override
    public void replaced(OrderId id, Instant time, Quantity newQuantity, Price newLimitPrice, Price newTriggerPrice) {
        apply(new OrderReplaced(publisher.next(), time, id, newQuantity, newLimitPrice, newTriggerPrice));
    }

    @Override
    public void replaceRejected(OrderId id, Instant time, String reason) {
        apply(new OrderReplaceRejected(publisher.next(), time, id, reason));
    }

    /** Applies the event to its order (the state table decides), then journals it. */
    private Order apply(OrderEvent event) {
        Order order = open.apply(event);
        publisher.publish(event);
        if (order != null && order.isClosed() && !deskOrders.isEmpty()) {
            deskOrders.remove(order.id());
        }
        return order;
    }
}
