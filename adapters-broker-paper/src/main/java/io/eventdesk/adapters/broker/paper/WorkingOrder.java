package io.eventdesk.adapters.broker.paper;

import io.eventdesk.domain.order.OrderId;
import io.eventdesk.domain.order.OrderRequest;
import io.eventdesk.domain.order.TimeInForce;
import io.eventdesk.domain.port.ExecutionReportListener;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import java.time.Instant;

/** An order at the venue: its terms, where it stands in the queue, what has filled, a stop's trigger. */
final class WorkingOrder {
    final OrderId id;
    OrderRequest request;
    Instant arrival;
    /** when a replace moved it to the back of the queue, it also waits for data after the replace */
    Instant eligibleFrom;

    Instant expiry;
    Instant lastArrival;
    long priority;
    boolean live;
    boolean triggered;
    /** whether it crossed the market when it arrived (or triggered): its fills take liquidity */
    boolean taker;

    Quantity filled;
    Price pendingTrigger;
    Instant pendingTriggerTime;
    /** an IOC or FOK order that met its first market data: canceled once that data is processed */
    Instant cancelOnFirstMarket;

    WorkingOrder(OrderId id, OrderRequest request) {
        this.id = id;
        this.request = request;
    }

    Instant eligibleFrom() {
        return eligibleFrom != null ? eligibleFrom : arrival;
    }

    boolean immediate() {
        TimeInForce tif = request.timeInForce();
        return tif == TimeInForce.IOC || tif == TimeInForce.FOK;
    }

    Quantity leaves() {
        return request.quantity().minus(filled);
    }

    /** The stop is triggered now; the report goes out in the order executions are handed out. */
    void trigger(Price price, Instant time) {
        triggered = true;
        pendingTrigger = price;
        pendingTriggerTime = time;
    }

    /** Reports a trigger not yet reported. */
    void reportTrigger(ExecutionReportListener listener) {
        if (pendingTrigger != null) {
            listener.triggered(id, pendingTriggerTime, pendingTrigger);
            pendingTrigger = null;
        }
    }
}
