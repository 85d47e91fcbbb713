package io.eventdesk.adapters.persistence;

import io.eventdesk.domain.event.Event;
import io.eventdesk.domain.event.OrderAccepted;
import io.eventdesk.domain.event.OrderFilled;
import io.eventdesk.domain.event.OrderInitialized;
import io.eventdesk.domain.event.OrderSubmitted;
import io.eventdesk.domain.event.RiskEvaluated;
import io.eventdesk.domain.event.RuleCheck;
import io.eventdesk.domain.event.SignalRaised;
import io.eventdesk.domain.order.OrderRequest;
import io.eventdesk.domain.order.OrderTerms;
import io.eventdesk.domain.signal.Signal;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical JSON of the events a run journals most — a risk decision, a signal, an order's initialization,
 * submission, acceptance and fill — written directly, without Jackson's reflection: the same bytes as
 * {@link EventJson#write} (properties sorted, plain decimals, ISO times, Jackson's string escapes), which a test
 * checks for every type on generated events. Any other event is left to {@link EventJson}. One instance per thread.
 */
final class FastEventJson {
    private final StringBuilder own = new StringBuilder(2048);
    private final IsoInstant iso = new IsoInstant();
    private StringBuilder out;

    /** The event's canonical JSON, or null when this writer does not know its type. */
    String write(Event event) {
        own.setLength(0);
        return appendTo(event, own) ? own.toString() : null;
    }

    /** Appends the event's canonical JSON to {@code target}; false (nothing appended) for a type it does not know. */
    boolean appendTo(Event event, StringBuilder target) {
        out = target;
        if (event instanceof RiskEvaluated r) {
            risk(r);
        } else if (event instanceof OrderFilled f) {
            fill(f);
        } else if (event instanceof SignalRaised s) {
            signalRaised(s);
        } else if (event instanceof OrderInitialized o) {
            initialized(o);
        } else if (event instanceof OrderSubmitted o) {
            out.append("{\"arrivalTime\":");
            time(o.arrivalTime());
            out.append(",\"orderId\":");
            string(o.orderId().toString());
            sequenceAndTime(o.sequence(), o.time());
        } else if (event instanceof OrderAccepted o) {
            out.append("{\"orderId\":");
            string(o.orderId().toString());
            sequenceAndTime(o.sequence(), o.time());
        } else {
            return false;
        }
        return true;
    }

    private void risk(RiskEvaluated r) {
        out.append("{\"approved\":").append(r.approved()).append(",\"checks\":[");
        boolean first = true;
        for (RuleCheck c : r.checks()) {
            out.append(first ? "{\"code\":" : ",{\"code\":");
            first = false;
            string(c.code());
            out.append(",\"detail\":");
            string(c.detail());
            out.append(",\"passed\":").append(c.passed()).append(",\"rule\":");
            string(c.rule());
            out.append('}');
        }
        out.append("],\"instrument\":");
        string(r.instrument().value());
        out.append(",\"orderId\":");
        string(r.orderId().toString());
        out.append(",\"sequence\":").append(r.sequence());
        out.append(",\"signalSequence\":").append(r.signalSequence());
        out.append(",\"strategyId\":");
        string(r.strategyId());
        out.append(",\"time\":");
        time(r.time());
        out.append('}');
    }

    private void fill(OrderFilled f) {
        out.append("{\"fee\":{\"amount\":").append(f.fee().amount()).append(",\"currency\":");
        string(f.fee().currency().code());
        out.append("},\"fillId\":");
        string(f.fillId());
        out.append(",\"instrument\":");
        string(f.instrument().value());
        out.append(",\"liquidity\":");
        string(f.liquidity().name());
        out.append(",\"orderId\":");
        string(f.orderId().toString());
        out.append(",\"price\":").append(f.price().toString());
        out.append(",\"quantity\":").append(f.quantity().toString());
        out.append(",\"sequence\":").append(f.sequence());
        out.append(",\"side\":");
        string(f.side().name());
        out.append(",\"slippage\":").append(f.slippage().toString());
        out.append(",\"strategyId\":");
        string(f.strategyId());
        out.append(",\"time\":");
        time(f.time());
        out.append('}');
    }

    private void signalRaised(SignalRaised s) {
        out.append("{\"sequence\":").append(s.sequence()).append(",\"signal\":");
        signal(s.signal());
        out.append(",\"strategyId\":");
        string(s.strategyId());
        out.append(",\"time\":");
        time(s.time());
        out.append('}');
    }

    /** As {@code EventJson}'s Signal serializer: its own order, the terms' optional fields only when set. */
    private void signal(Signal v) {
        out.append("{\"fields\":");
        Map<String, String> fields = v.fields();
        if (fields == null) {
            out.append("null");
        } else {
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, String> e : new TreeMap<>(fields).entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(e.getKey());
                out.append(':');
                if (e.getValue() == null) {
                    out.append("null");
                } else {
                    string(e.getValue());
                }
            }
            out.append('}');
        }
        out.append(",\"instrument\":");
        string(v.instrument().value());
        out.append(",\"limitPrice\":")
                .append(v.limitPrice() == null ? "null" : v.limitPrice().toString());
        out.append(",\"name\":");
        string(v.name());
        out.append(",\"orderType\":");
        string(v.orderType().name());
        out.append(",\"reason\":");
        string(v.reason());
        out.append(",\"target\":")
                .append(v.target() == null ? "null" : v.target().toString());
        out.append(",\"timeInForce\":");
        string(v.timeInForce().name());
        OrderTerms t = v.terms();
        if (t.triggerPrice() != null) {
            out.append(",\"triggerPrice\":").append(t.triggerPrice().toString());
        }
        if (t.expireTime() != null) {
            out.append(",\"expireTime\":");
            string(t.expireTime().toString());
        }
        if (t.reduceOnly()) {
            out.append(",\"reduceOnly\":true");
        }
        if (t.postOnly()) {
            out.append(",\"postOnly\":true");
        }
        out.append('}');
    }

    private void initialized(OrderInitialized o) {
        out.append("{\"orderId\":");
        string(o.orderId().toString());
        OrderRequest r = o.request();
        out.append(",\"request\":{\"expireTime\":");
        if (r.expireTime() == null) {
            out.append("null");
        } else {
            time(r.expireTime());
        }
        out.append(",\"instrument\":");
        string(r.instrument().value());
        out.append(",\"limitPrice\":")
                .append(r.limitPrice() == null ? "null" : r.limitPrice().toString());
        out.append(",\"postOnly\":").append(r.postOnly());
        out.append(",\"quantity\":").append(r.quantity().toString());
        out.append(",\"reduceOnly\":").append(r.reduceOnly());
        out.append(",\"side\":");
        string(r.side().name());
        out.append(",\"strategyId\":");
        string(r.strategyId());
        out.append(",\"timeInForce\":");
        string(r.timeInForce().name());
        out.append(",\"triggerPrice\":")
                .append(r.triggerPrice() == null ? "null" : r.triggerPrice().toString());
        out.append(",\"type\":");
        string(r.type().name());
        out.append('}');
        sequenceAndTime(o.sequence(), o.time());
    }

    private void sequenceAndTime(long sequence, Instant time) {
        out.append(",\"sequence\":").append(sequence).append(",\"time\":");
        time(time);
        out.append('}');
    }

    private void time(Instant t) {
        out.append('"').append(iso.format(t)).append('"');
    }

    private void string(String s) {
        PlainJson.string(out, s);
    }
}
