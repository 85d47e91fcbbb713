package io.eventdesk.adapters.persistence;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.eventdesk.domain.event.Event;
import io.eventdesk.domain.event.PortfolioValued;
import io.eventdesk.domain.event.RuleCheck;
import io.eventdesk.domain.instrument.InstrumentId;
import io.eventdesk.domain.order.OrderId;
import io.eventdesk.domain.order.OrderTerms;
import io.eventdesk.domain.signal.Signal;
import io.eventdesk.domain.value.Currency;
import io.eventdesk.domain.value.Money;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Function;

/**
 * The canonical JSON form of events: the domain stays free of Jackson, so the mapping of its values lives here.
 * Prices, quantities and amounts are plain decimal numbers, times ISO-8601 UTC, properties sorted: the same event
 * always gives the same bytes, which the journal digest relies on.
 */
final class EventJson {
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(valuesModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    /** For the run files: maps keep the order they were built in ({@code time}, {@code strategy}, …). */
    static final ObjectMapper ARTIFACTS = MAPPER.copy().disable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private EventJson() {}

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** The {@code time} of a stored event row. */
    static java.time.Instant time(String payload) {
        try {
            return java.time.Instant.parse(MAPPER.readTree(payload).get("time").asText());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("a journal row is not JSON: " + payload, e);
        }
    }

    /** The {@code reason} of a stored RunFailed row, or null. */
    static String reason(String payload) {
        try {
            var n = MAPPER.readTree(payload).get("reason");
            return n == null || n.isNull() ? null : n.asText();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("a journal row is not JSON: " + payload, e);
        }
    }

    static String type(Event event) {
        return event.getClass().getSimpleName();
    }

    /** One per writing thread: it caches the last day it wrote. */
    private static final ThreadLocal<IsoInstant> ISO = ThreadLocal.withInitial(IsoInstant::new);

    private static SimpleModule valuesModule() {
        SimpleModule m = new SimpleModule("eventdesk-values");
        m.addSerializer(java.time.Instant.class, text(t -> ISO.get().format(t)));
        m.addSerializer(Price.class, number(Price::toString));
        m.addSerializer(Quantity.class, number(Quantity::toString));
        m.addSerializer(Money.class, new JsonSerializer<>() {
            @Override
            public void serialize(Money value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                gen.writeStartObject();
                gen.writeFieldName("amount");
                gen.writeNumber(value.amount()); // plain decimal text
                gen.writeStringField("currency", value.currency().code());
                gen.writeEndObject();
            }
        });
        m.addSerializer(Currency.class, text(Currency::code));
        m.addSerializer(Signal.class, new JsonSerializer<>() {
            @Override
            public void serialize(Signal v, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                gen.writeStartObject();
                serializers.defaultSerializeField("fields", v.fields(), gen);
                serializers.defaultSerializeField("instrument", v.instrument(), gen);
                serializers.defaultSerializeField("limitPrice", v.limitPrice(), gen);
                gen.writeStringField("name", v.name());
                gen.writeStringField("orderType", v.orderType().name());
                gen.writeStringField("reason", v.reason());
                serializers.defaultSerializeField("target", v.target(), gen);
                gen.writeStringField("timeInForce", v.timeInForce().name());
                OrderTerms t = v.terms();
                if (t.triggerPrice() != null) {
                    serializers.defaultSerializeField("triggerPrice", t.triggerPrice(), gen);
                }
                if (t.expireTime() != null) {
                    gen.writeStringField("expireTime", t.expireTime().toString());
                }
                if (t.reduceOnly()) {
                    gen.writeBooleanField("reduceOnly", true);
                }
                if (t.postOnly()) {
                    gen.writeBooleanField("postOnly", true);
                }
                gen.writeEndObject();
            }
        });
        m.addSerializer(RuleCheck.class, new JsonSerializer<>() {
            @Override
            public void serialize(RuleCheck c, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                gen.writeStartObject();
                gen.writeStringField("code", c.code());
                gen.writeStringField("detail", c.detail());
                gen.writeBooleanField("passed", c.passed());
                gen.writeStringField("rule", c.rule());
                gen.writeEndObject();
            }
        });
        m.addSerializer(PortfolioValued.class, new JsonSerializer<>() {
            @Override
            public void serialize(PortfolioValued v, JsonGenerator gen, SerializerProvider serializers)
                    throws IOException {
                // the event's amounts as Money, in the sorted order of every other event's properties
                gen.writeStartObject();
                serializers.defaultSerializeField("cash", v.cash(), gen);
                gen.writeFieldName("drawdown");
                gen.writeNumber(v.drawdown().toPlainString());
                serializers.defaultSerializeField("equity", v.equity(), gen);
                serializers.defaultSerializeField("fees", v.fees(), gen);
                serializers.defaultSerializeField("grossExposure", v.grossExposure(), gen);
                serializers.defaultSerializeField("netExposure", v.netExposure(), gen);
                serializers.defaultSerializeField("peakEquity", v.peakEquity(), gen);
                serializers.defaultSerializeField("realizedPnl", v.realizedPnl(), gen);
                gen.writeNumberField("sequence", v.sequence());
                gen.writeStringField("time", ISO.get().format(v.time()));
                serializers.defaultSerializeField("unrealizedPnl", v.unrealizedPnl(), gen);
                gen.writeEndObject();
            }
        });
        m.addSerializer(InstrumentId.class, text(InstrumentId::value));
        m.addSerializer(OrderId.class, text(OrderId::toString));
        return m;
    }

    private static <T> JsonSerializer<T> number(Function<T, String> plain) {
        return new JsonSerializer<>() {
            @Override
            public void serialize(T value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                gen.writeNumber(plain.apply(value));
            }
        };
    }

    private static <T> JsonSerializer<T> text(Function<T, String> text) {
        return new JsonSerializer<>() {
            @Override
            public void serialize(T value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                gen.writeString(text.apply(value));
            }
        };
    }
}
