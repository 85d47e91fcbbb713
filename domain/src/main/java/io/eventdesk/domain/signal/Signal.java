package io.eventdesk.domain.signal;

import io.eventdesk.domain.instrument.InstrumentId;
import io.eventdesk.domain.order.OrderTerms;
import io.eventdesk.domain.order.OrderType;
import io.eventdesk.domain.order.TimeInForce;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * What a strategy wants: a target position in one instrument, why, and how to get there. The sizer turns it into an
 * order for the difference between the target and what is held and already on its way.
 *
 * <p>The reason and its fields may be given as text, or as functions rendered when first read (the journal, the run
 * files): a strategy then pays for formatting only when someone reads it. Such functions must capture immutable
 * values only.
 */
public final class Signal {
    private final String name;
    private final InstrumentId instrument;
    private final Quantity target;
    private final OrderTerms terms;
    private Supplier<String> reasonSource;
    private String reason;
    private Supplier<Map<String, String>> fieldsSource;
    private Map<String, String> fields;

    /**
     * @param name a short label of the intent, e.g. {@code enter-long}, {@code exit-flat}
     * @param target the signed position wanted (negative = short, zero = flat)
     * @param orderType MARKET, or LIMIT with {@code limitPrice}
     * @param timeInForce GTC when null
     * @param reason why the signal fired, in words a person reads in the journal
     * @param fields the numbers behind the reason (indicator values), by name
     */
    public Signal(
            String name,
            InstrumentId instrument,
            Quantity target,
            OrderType orderType,
            Price limitPrice,
            TimeInForce timeInForce,
            String reason,
            Map<String, String> fields) {
        this(name, instrument, target, terms(orderType, limitPrice, timeInForce), text(reason), constant(fields));
    }

    /**
     * A signal whose order has any terms: stops, IOC/FOK/GTD, reduce-only, post-only.
     *
     * @param terms how the order toward the target is to be executed
     */
    public Signal(
            String name,
            InstrumentId instrument,
            Quantity target,
            OrderTerms terms,
            String reason,
            Map<String, String> fields) {
        this(name, instrument, target, terms, text(reason), constant(fields));
    }

    private static OrderTerms terms(OrderType orderType, Price limitPrice, TimeInForce timeInForce) {
        if (orderType == null) {
            throw new IllegalArgumentException("signal needs a name, an instrument, a target and an order type");
        }
        if (orderType == OrderType.LIMIT && limitPrice == null) {
            throw new IllegalArgumentException("a LIMIT signal needs a limit price");
        }
        return new OrderTerms(orderType, limitPrice, null, timeInForce, null, false, false);
    }

    private Signal(
            String name,
            InstrumentId instrument,
            Quantity target,
            OrderTerms terms,
            Supplier<String> reason,
            Supplier<Map<String, String>> fields) {
        if (name == null || name.isBlank() || instrument == null || target == null || terms == null) {
            throw new IllegalArgumentException("signal needs a name, an instrument, a target and an order type");
        }
        if (reason == null) {
            throw new IllegalArgumentException("signal '" + name + "' needs a reason");
        }
        this.name = name;
        this.instrument = instrument;
        this.target = target;
        this.terms = terms;
        this.reasonSource = reason;
        this.fieldsSource = fields;
    }

    private static Supplier<String> text(String reason) {
        if (reason == null || reason.isBlank()) {
            return null;
        }
        return () -> reason;
    }

    private static Supplier<Map<String, String>> constant(Map<String, String> fields) {
        Map<String, String> copy =
                fields == null || fields.isEmpty() ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(fields));
        return () -> copy;
    }

    /** A market-order signal toward {@code target}. */
    public static Signal target(
            String name, InstrumentId instrument, Quantity target, String reason, Map<String, String> fields) {
        return new Signal(name, instrument, target, OrderTerms.market(), text(reason), constant(fields));
    }

    /** A market-order signal toward {@code target} whose reason and fields are rendered when first read. */
    public static Signal target(
            String name,
            InstrumentId instrument,
            Quantity target,
            Supplier<String> reason,
            Supplier<Map<String, String>> fields) {
        return new Signal(name, instrument, target, OrderTerms.market(), reason, fields);
    }

    public String name() {
        return name;
    }

    public InstrumentId instrument() {
        return instrument;
    }

    public Quantity target() {
        return target;
    }

    /** How the order toward the target is to be executed. */
    public OrderTerms terms() {
        return terms;
    }

    public OrderType orderType() {
        return terms.type();
    }

    public Price limitPrice() {
        return terms.limitPrice();
    }

    public TimeInForce timeInForce() {
        return terms.timeInForce();
    }

    /** Why the signal fired. */
    public synchronized String reason() {
        if (reason == null) {
            reason = Objects.requireNonNull(reasonSource.get(), "a signal's reason");
            if (reason.isBlank()) {
                throw new IllegalStateException("signal '" + name + "' rendered a blank reason");
            }
            reasonSource = null;
        }
        return reason;
    }

    /** The numbers behind the reason, sorted by name. */
    public synchronized Map<String, String> fields() {
        if (fields == null) {
            Map<String, String> f = fieldsSource.get();
            fields = f == null || f.isEmpty() ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(f));
            fieldsSource = null;
        }
        return fields;
    }

    @Override
    public String toString() {
        return name + " " + instrument + " target " + target + " " + terms + ": " + reason();
    }
}
