package io.eventdesk.domain.signal;

import io.eventdesk.domain.error.BadInputException;
import io.eventdesk.domain.instrument.Instrument;
import io.eventdesk.domain.instrument.InstrumentId;
import io.eventdesk.domain.order.OrderTerms;
import io.eventdesk.domain.order.OrderType;
import io.eventdesk.domain.order.TimeInForce;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The signal contract: the one reading of a signal's fields into an {@link ExternalSignal}, for every way a signal
 * arrives (a file of signals, the service's API). Fields come as a tree of plain values — strings, numbers
 * ({@link BigDecimal} or whole numbers, never binary floating point), booleans, nested maps — so any JSON reader
 * that keeps numbers exact can feed it. Every problem is a {@link BadInputException} naming the source, the line
 * (0 when there are none) and the field, with what was expected.
 *
 * <p>Fields: {@code signal_id}, {@code time}, {@code strategy_id}, {@code instrument}, {@code side} (BUY, SELL,
 * FLAT), {@code confidence}, exactly one of {@code target_exposure} and {@code quantity} (unless FLAT),
 * {@code time_horizon} (INTRADAY, SWING, LONG), {@code constraints} ({@code max_slippage_bps},
 * {@code max_notional}), {@code order} ({@code type}, {@code limit_price}, {@code stop_price},
 * {@code time_in_force}, {@code expire_time}, {@code reduce_only}, {@code post_only}). Unknown fields are refused.
 */
public final class SignalContract {
    public static final Set<String> FIELDS = Set.of(
            "signal_id",
            "time",
            "strategy_id",
            "instrument",
            "side",
            "confidence",
            "target_exposure",
            "quantity",
            "time_horizon",
            "constraints",
            "order");
    private static final Set<String> CONSTRAINTS = Set.of("max_slippage_bps", "max_notional");
    private static final Set<String> ORDER =
            Set.of("type", "limit_price", "stop_price", "time_in_force", "expire_time", "reduce_only", "post_only");

    private final Map<InstrumentId, Instrument> instruments;
    private final Function<String, Instant> times;

    /**
     * @param times reads a time field's text, throwing {@link IllegalArgumentException} with what was expected
     */
    public SignalContract(Map<InstrumentId, Instrument> instruments, Function<String, Instant> times) {
        this.instruments = Map.copyOf(instruments);
        this.times = times;
    }

    /** One signal from its fields; {@code source} and {@code line} say where it came from, for messages. */
    public ExternalSignal read(Map<String, ?> n, String source, long line) {
        return new Reading(source, line).signal(n);
    }

    private final class Reading {
        private final String source;
        private final long line;

        Reading(String source, long line) {
            this.source = source;
            this.line = line;
        }

        ExternalSignal signal(Map<String, ?> n) {
            known(n, FIELDS, "");
            Instant time = time(n, "time", "time");
            String instrumentId = text(n, "instrument", "instrument", true);
            InstrumentId id;
            try {
                id = InstrumentId.of(instrumentId);
            } catch (IllegalArgumentException e) {
                throw bad("instrument", e.getMessage());
            }
            Instrument instrument = instruments.get(id);
            if (instrument == null) {
                throw bad(
                        "instrument",
                        "unknown instrument '" + instrumentId + "' (configured: " + new TreeSet<>(instruments.keySet())
                                + ")");
            }
            ExternalSignal.Direction side = choice(n, "side", ExternalSignal.Direction.class);
            Map<String, ?> constraints = object(n, "constraints", "constraints");
            if (constraints != null) {
                known(constraints, CONSTRAINTS, "constraints.");
            }
            OrderTerms terms = orderTerms(object(n, "order", "order"), instrument);
            BigDecimal quantity = decimal(n, "quantity", "quantity");
            try {
                return new ExternalSignal(
                        text(n, "signal_id", "signal_id", true),
                        time,
                        text(n, "strategy_id", "strategy_id", true),
                        id,
                        side,
                        decimal(n, "confidence", "confidence"),
                        decimal(n, "target_exposure", "target_exposure"),
                        quantity == null ? null : Quantity.of(quantity),
                        horizon(n),
                        constraints == null
                                ? null
                                : decimal(constraints, "max_slippage_bps", "constraints.max_slippage_bps"),
                        constraints == null ? null : decimal(constraints, "max_notional", "constraints.max_notional"),
                        terms,
                        line > 0 ? source + ":" + line : source);
            } catch (IllegalArgumentException e) {
                throw bad(null, e.getMessage());
            }
        }

        /** The {@code order} object: type, prices on the tick grid, time in force, expiry and flags. */
        private OrderTerms orderTerms(Map<String, ?> order, Instrument instrument) {
            if (order == null) {
                return OrderTerms.market();
            }
            known(order, ORDER, "order.");
            OrderType type = OrderType.MARKET;
            String typeText = text(order, "type", "order.type", false);
            if (typeText != null) {
                try {
                    type = OrderType.valueOf(typeText);
                } catch (IllegalArgumentException e) {
                    throw bad("order.type", "expected MARKET, LIMIT, STOP or STOP_LIMIT, got '" + typeText + "'");
                }
            }
            Price limit = tickPrice(order, "limit_price", instrument);
            Price stop = tickPrice(order, "stop_price", instrument);
            if (type.hasLimit() != (limit != null)) {
                throw bad(
                        "order.limit_price",
                        type.hasLimit()
                                ? "a " + type + " order needs limit_price"
                                : "a " + type + " order has no limit_price");
            }
            if (type.hasTrigger() != (stop != null)) {
                throw bad(
                        "order.stop_price",
                        type.hasTrigger()
                                ? "a " + type + " order needs stop_price"
                                : "a " + type + " order has no stop_price");
            }
            TimeInForce tif = TimeInForce.GTC;
            String tifText = text(order, "time_in_force", "order.time_in_force", false);
            if (tifText != null) {
                try {
                    tif = TimeInForce.valueOf(tifText);
                } catch (IllegalArgumentException e) {
                    throw bad("order.time_in_force", "expected GTC, DAY, IOC, FOK or GTD, got '" + tifText + "'");
                }
            }
            Instant expire = order.containsKey("expire_time") ? time(order, "expire_time", "order.expire_time") : null;
            if ((tif == TimeInForce.GTD) != (expire != null)) {
                throw bad(
                        tif == TimeInForce.GTD ? "order.expire_time" : "order.time_in_force",
                        tif == TimeInForce.GTD
                                ? "a GTD order needs expire_time"
                                : "expire_time goes with GTD, not " + tif);
            }
            boolean reduceOnly = flag(order, "reduce_only");
            boolean postOnly = flag(order, "post_only");
            try {
                return new OrderTerms(type, limit, stop, tif, expire, reduceOnly, postOnly);
            } catch (IllegalArgumentException e) {
                throw bad("order", e.getMessage());
            }
        }

        private Price tickPrice(Map<String, ?> order, String field, Instrument instrument) {
            BigDecimal v = decimal(order, field, "order." + field);
            if (v == null) {
                return null;
            }
            if (v.signum() <= 0) {
                throw bad("order." + field, "must be positive, got " + v.toPlainString());
            }
            Price p = Price.of(v);
            if (!instrument.isOnTickGrid(p)) {
                throw bad("order." + field, v.toPlainString() + " is off the tick grid " + instrument.tickSize());
            }
            return p;
        }

        private boolean flag(Map<String, ?> order, String field) {
            Object v = order.get(field);
            if (v == null) {
                return false;
            }
            if (!(v instanceof Boolean b)) {
                throw bad("order." + field, "expected true or false, got " + shown(v));
            }
            return b;
        }

        private String horizon(Map<String, ?> n) {
            String h = text(n, "time_horizon", "time_horizon", false);
            if (h != null && !Set.of("INTRADAY", "SWING", "LONG").contains(h)) {
                throw bad("time_horizon", "expected one of INTRADAY, SWING, LONG, got '" + h + "'");
            }
            return h;
        }

        private void known(Map<String, ?> n, Set<String> allowed, String prefix) {
            for (String f : n.keySet()) {
                if (!allowed.contains(f)) {
                    throw bad(
                            prefix + f,
                            "unknown field (expected one of: " + String.join(", ", new TreeSet<>(allowed)) + ")");
                }
            }
        }

        @SuppressWarnings("unchecked")
        private Map<String, ?> object(Map<String, ?> n, String field, String name) {
            Object v = n.get(field);
            if (v == null) {
                return null;
            }
            if (!(v instanceof Map<?, ?> m)) {
                throw bad(name, "expected an object");
            }
            return (Map<String, ?>) m;
        }

        private String text(Map<String, ?> n, String field, String name, boolean required) {
            Object v = n.get(field);
            if (v == null) {
                if (required) {
                    throw bad(name, "missing (required)");
                }
                return null;
            }
            if (!(v instanceof String s) || s.isBlank()) {
                throw bad(name, "expected a non-empty string, got " + shown(v));
            }
            return s;
        }

        private Instant time(Map<String, ?> n, String field, String name) {
            Object v = n.get(field);
            if (!(v instanceof String s) || s.isBlank()) {
                throw bad(name, v == null ? "missing (required)" : "expected a time, got " + shown(v));
            }
            try {
                return times.apply(s);
            } catch (IllegalArgumentException e) {
                throw bad(name, e.getMessage());
            }
        }

        private BigDecimal decimal(Map<String, ?> n, String field, String name) {
            Object v = n.get(field);
            if (v == null) {
                return null;
            }
            if (v instanceof BigDecimal d) {
                return d;
            }
            if (v instanceof BigInteger i) {
                return new BigDecimal(i);
            }
            if (v instanceof Long || v instanceof Integer || v instanceof Short) {
                return BigDecimal.valueOf(((Number) v).longValue());
            }
            if (v instanceof String s) {
                try {
                    return new BigDecimal(s.trim());
                } catch (NumberFormatException e) {
                    // falls through to the error below
                }
            }
            throw bad(name, "expected a number, got " + shown(v));
        }

        private <E extends Enum<E>> E choice(Map<String, ?> n, String field, Class<E> type) {
            String v = text(n, field, field, true);
            try {
                return Enum.valueOf(type, v);
            } catch (IllegalArgumentException e) {
                throw bad(field, "expected one of " + Arrays.toString(type.getEnumConstants()) + ", got '" + v + "'");
            }
        }

        private BadInputException bad(String field, String problem) {
            return new BadInputException(source, line, field, problem);
        }
    }

    /** A value as JSON would show it, for messages. */
    private static String shown(Object v) {
        return v instanceof String s ? "\"" + s + "\"" : String.valueOf(v);
    }
}
