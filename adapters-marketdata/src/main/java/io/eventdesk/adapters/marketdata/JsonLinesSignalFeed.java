package io.eventdesk.adapters.marketdata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventdesk.domain.error.BadInputException;
import io.eventdesk.domain.instrument.Instrument;
import io.eventdesk.domain.instrument.InstrumentId;
import io.eventdesk.domain.order.OrderTerms;
import io.eventdesk.domain.order.OrderType;
import io.eventdesk.domain.order.TimeInForce;
import io.eventdesk.domain.port.SignalFeedPort;
import io.eventdesk.domain.signal.ExternalSignal;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads signals, one JSON object per line (blank lines and lines starting with {@code #} are skipped), streaming.
 * Every problem names the file, the line and the field. See {@link SignalFeeds} for the fields.
 */
final class JsonLinesSignalFeed implements SignalFeedPort {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FIELDS = Set.of(
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

    private final String file;
    private final Map<InstrumentId, Instrument> instruments;
    private final BufferedReader reader;
    private final TimeParser times = new TimeParser();
    private long line;
    private ExternalSignal next;
    private Instant last = Instant.MIN;

    JsonLinesSignalFeed(Path path, Map<InstrumentId, Instrument> instruments) {
        this.file = path.toString();
        this.instruments = instruments;
        try {
            this.reader = Files.newBufferedReader(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new BadInputException(file, 0, null, "file not found");
        } catch (IOException e) {
            throw new BadInputException(file, 0, null, "cannot read: " + e.getMessage());
        }
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            next = read();
        }
        return next != null;
    }

    @Override
    public ExternalSignal next() {
        if (!hasNext()) {
            throw new NoSuchElementException(file + ": no more signals");
        }
        ExternalSignal s = next;
        next = null;
        return s;
    }

    private ExternalSignal read() {
        String text;
        try {
            do {
                text = reader.readLine();
                line++;
            } while (text != null && (text.isBlank() || text.stripLeading().startsWith("#")));
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read", e);
        }
        if (text == null) {
            return null;
        }
        JsonNode n;
        try {
            n = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw bad(null, "not a JSON object: " + e.getOriginalMessage());
        }
        if (n == null || !n.isObject()) {
            throw bad(null, "expected one JSON object per line");
        }
        known(n, FIELDS, "");
        Instant time = time(n, "time");
        if (time.isBefore(last)) {
            throw bad("time", time + " is before the previous signal's " + last + " (signals must be in time order)");
        }
        last = time;
        String instrumentId = text(n, "instrument", true);
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
                    "unknown instrument '" + instrumentId + "' (configured: " + instruments.keySet() + ")");
        }
        ExternalSignal.Direction side = choice(n, "side", ExternalSignal.Direction.class);
        JsonNode constraints = n.path("constraints");
        if (!constraints.isMissingNode() && !constraints.isNull()) {
            if (!constraints.isObject()) {
                throw bad("constraints", "expected an object");
            }
            known(constraints, CONSTRAINTS, "constraints.");
        }
        OrderTerms terms = orderTerms(n.path("order"), instrument);
        BigDecimal quantity = decimal(n, "quantity", "");
        try {
            return new ExternalSignal(
                    text(n, "signal_id", true),
                    time,
                    text(n, "strategy_id", true),
                    id,
                    side,
                    decimal(n, "confidence", ""),
                    decimal(n, "target_exposure", ""),
                    quantity == null ? null : Quantity.of(quantity),
                    horizon(n),
                    decimal(constraints, "max_slippage_bps", "constraints."),
                    decimal(constraints, "max_notional", "constraints."),
                    terms,
                    file + ":" + line);
        } catch (IllegalArgumentException e) {
            throw bad(null, e.getMessage());
        }
    }

    /** The {@code order} object: type, prices on the tick grid, time in force, expiry and flags. */
    private OrderTerms orderTerms(JsonNode order, Instrument instrument) {
        if (order.isMissingNode() || order.isNull()) {
            return OrderTerms.market();
        }
        if (!order.isObject()) {
            throw bad("order", "expected an object");
        }
        known(order, ORDER, "order.");
        OrderType type = OrderType.MARKET;
        String typeText = text(order, "type", false);
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
        String tifText = text(order, "time_in_force", false);
        if (tifText != null) {
            try {
                tif = TimeInForce.valueOf(tifText);
            } catch (IllegalArgumentException e) {
                throw bad("order.time_in_force", "expected GTC, DAY, IOC, FOK or GTD, got '" + tifText + "'");
            }
        }
        Instant expire = order.has("expire_time") ? time(order, "expire_time", "order.expire_time") : null;
        if ((tif == TimeInForce.GTD) != (expire != null)) {
            throw bad(
                    tif == TimeInForce.GTD ? "order.expire_time" : "order.time_in_force",
                    tif == TimeInForce.GTD ? "a GTD order needs expire_time" : "expire_time goes with GTD, not " + tif);
        }
        boolean reduceOnly = flag(order, "reduce_only");
        boolean postOnly = flag(order, "post_only");
        try {
            return new OrderTerms(type, limit, stop, tif, expire, reduceOnly, postOnly);
        } catch (IllegalArgumentException e) {
            throw bad("order", e.getMessage());
        }
    }

    private Price tickPrice(JsonNode order, String field, Instrument instrument) {
        BigDecimal v = decimal(order, field, "order.");
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

    private boolean flag(JsonNode order, String field) {
        JsonNode v = order.path(field);
        if (v.isMissingNode() || v.isNull()) {
            return false;
        }
        if (!v.isBoolean()) {
            throw bad("order." + field, "expected true or false, got " + v);
        }
        return v.booleanValue();
    }

    private String horizon(JsonNode n) {
        String h = text(n, "time_horizon", false);
        if (h != null && !Set.of("INTRADAY", "SWING", "LONG").contains(h)) {
            throw bad("time_horizon", "expected one of INTRADAY, SWING, LONG, got '" + h + "'");
        }
        return h;
    }

    private void known(JsonNode n, Set<String> allowed, String prefix) {
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!allowed.contains(f)) {
                throw bad(
                        prefix + f,
                        "unknown field (expected one of: " + String.join(", ", new TreeSet<>(allowed)) + ")");
            }
        }
    }

    private String text(JsonNode n, String field, boolean required) {
        JsonNode v = n.path(field);
        if (v.isMissingNode() || v.isNull()) {
            if (required) {
                throw bad(field, "missing (required)");
            }
            return null;
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            throw bad(field, "expected a non-empty string, got " + v);
        }
        return v.asText();
    }

    private Instant time(JsonNode n, String field) {
        return time(n, field, field);
    }

    private Instant time(JsonNode n, String field, String name) {
        JsonNode v = n.path(field);
        if (!v.isTextual() || v.asText().isBlank()) {
            throw bad(name, v.isMissingNode() || v.isNull() ? "missing (required)" : "expected a time, got " + v);
        }
        try {
            return times.parse(v.asText());
        } catch (IllegalArgumentException e) {
            throw bad(name, e.getMessage());
        }
    }

    private BigDecimal decimal(JsonNode n, String field, String prefix) {
        JsonNode v = n.path(field);
        if (v.isMissingNode() || v.isNull()) {
            return null;
        }
        if (v.isNumber()) {
            return v.decimalValue();
        }
        if (v.isTextual()) {
            try {
                return new BigDecimal(v.asText().trim());
            } catch (NumberFormatException e) {
                // falls through to the error below
            }
        }
        throw bad(prefix + field, "expected a number, got " + v);
    }

    private <E extends Enum<E>> E choice(JsonNode n, String field, Class<E> type) {
        String v = text(n, field, true);
        try {
            return Enum.valueOf(type, v);
        } catch (IllegalArgumentException e) {
            throw bad(
                    field,
                    "expected one of " + java.util.Arrays.toString(type.getEnumConstants()) + ", got '" + v + "'");
        }
    }

    private BadInputException bad(String field, String problem) {
        return new BadInputException(file, line, field, problem);
    }

    @Override
    public String description() {
        return file;
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
