package io.eventdesk.domain.signal;

import io.eventdesk.domain.instrument.InstrumentId;
import io.eventdesk.domain.order.OrderType;
import io.eventdesk.domain.order.TimeInForce;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a strategy wants: a target position in one instrument, why, and how to get there. The sizer turns it
 * into an order for the difference between the target and what is held and already on its way.
 *
 * @param name a short label of the intent, e.g. {@code enter-long}, {@code exit-flat}
 * @param target the signed position wanted (negative = short, zero = flat)
 * @param orderType MARKET, or LIMIT with {@code limitPrice}
 * @param reason why the signal fired, in words a person reads in the journal
 * @param fields the numbers behind the reason (indicator values), by name
 */
public record Signal(
        String name,
        InstrumentId instrument,
        Quantity target,
        OrderType orderType,
        Price limitPrice,
        TimeInForce timeInForce,
        String reason,
        Map<String, String> fields) {

    public Signal {
        if (name == null || name.isBlank() || instrument == null || target == null || orderType == null) {
            throw new IllegalArgumentException("signal needs a name, an instrument, a target and an order type");
        }
        if (orderType == OrderType.LIMIT && limitPrice == null) {
            throw new IllegalArgumentException("a LIMIT signal needs a limit price");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("signal '" + name + "' needs a reason");
        }
        timeInForce = timeInForce == null ? TimeInForce.GTC : timeInForce;
        fields = fields == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(fields));
    }

    /** A market-order signal toward {@code target}. */
    public static Signal target(
            String name, InstrumentId instrument, Quantity target, String reason, Map<String, String> fields) {
        return new Signal(name, instrument, target, OrderType.MARKET, null, TimeInForce.GTC, reason, fields);
    }
}
