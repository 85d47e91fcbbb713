package io.eventdesk.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventdesk.domain.event.Event;
import io.eventdesk.domain.event.OrderAccepted;
import io.eventdesk.domain.event.OrderFilled;
import io.eventdesk.domain.event.OrderInitialized;
import io.eventdesk.domain.event.OrderSubmitted;
import io.eventdesk.domain.event.RiskEvaluated;
import io.eventdesk.domain.event.RuleCheck;
import io.eventdesk.domain.event.SignalRaised;
import io.eventdesk.domain.instrument.InstrumentId;
import io.eventdesk.domain.order.Liquidity;
import io.eventdesk.domain.order.OrderId;
import io.eventdesk.domain.order.OrderRequest;
import io.eventdesk.domain.order.OrderTerms;
import io.eventdesk.domain.order.OrderType;
import io.eventdesk.domain.order.TimeInForce;
import io.eventdesk.domain.signal.Signal;
import io.eventdesk.domain.value.Currency;
import io.eventdesk.domain.value.Money;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import io.eventdesk.domain.value.Side;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Differential: the journal's direct JSON writer gives exactly the bytes of the Jackson-based canonical form for
 * every event type it knows, and {@link IsoInstant} exactly {@link Instant#toString()}. The journal digest is a
 * function of those bytes.
 */
class FastEventJsonProperties {
    private final FastEventJson fast = new FastEventJson();

    @Property(tries = 400)
    void shouldWriteJacksonsBytes_whenAnyKnownEventIsWritten(@ForAll("events") Event event) {
        assertThat(fast.write(event)).isEqualTo(EventJson.write(event));
    }

    @Property(tries = 300)
    void shouldWriteTheArtifactMappersText_whenAnyPlainValueIsWritten(@ForAll("plainValues") Object value)
            throws Exception {
        assertThat(PlainJson.write(value)).isEqualTo(EventJson.ARTIFACTS.writeValueAsString(value));
    }

    @Provide
    Arbitrary<Object> plainValues() {
        Arbitrary<Object> leaf = Arbitraries.oneOf(
                text().map(t -> (Object) t),
                Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.longs().map(l -> (Object) l),
                quantities().map(q -> (Object) q),
                prices().map(p -> (Object) p),
                Arbitraries.just(null));
        Arbitrary<Object> list = leaf.list().ofMaxSize(4).map(l -> (Object) l);
        Arbitrary<Object> map = Arbitraries.maps(text(), Arbitraries.oneOf(leaf, list))
                .ofMaxSize(6)
                .map(m -> (Object) new java.util.LinkedHashMap<>(m));
        return Arbitraries.oneOf(map, list, leaf);
    }

    @Property(tries = 2000)
    void shouldWriteInstantToString_whenAnyInstantIsFormatted(@ForAll("instants") Instant t) {
        assertThat(new IsoInstant().format(t)).isEqualTo(t.toString());
    }

    @Provide
    Arbitrary<Instant> instants() {
        Arbitrary<Long> seconds = Arbitraries.longs().between(-62_200_000_000L, 253_500_000_000L);
        Arbitrary<Integer> nanos = Arbitraries.oneOf(
                Arbitraries.just(0),
                Arbitraries.integers().between(0, 999).map(n -> n * 1_000_000),
                Arbitraries.integers().between(0, 999_999).map(n -> n * 1000),
                Arbitraries.integers().between(0, 999_999_999));
        return Combinators.combine(seconds, nanos).as(Instant::ofEpochSecond);
    }

    @Provide
    Arbitrary<Event> events() {
        return Arbitraries.oneOf(risk(), fill(), signal(), initialized(), submitted(), accepted());
    }

    private static Arbitrary<String> text() {
        return Arbitraries.oneOf(
                Arbitraries.strings().alpha().numeric().withChars(' ', '-', '.').ofMaxLength(30),
                Arbitraries.strings().all().ofMaxLength(12),
                Arbitraries.strings()
                        .withCharRange('\u0000', '\u0020')
                        .withChars('"', '\\', '/', 'é', '\u2028')
                        .ofMaxLength(8));
    }

    private static Arbitrary<String> nonBlank() {
        return Arbitraries.strings()
                .alpha()
                .numeric()
                .withChars('-', '_')
                .ofMinLength(1)
                .ofMaxLength(12);
    }

    private static Arbitrary<Price> prices() {
        return Arbitraries.bigDecimals()
                .between(new BigDecimal("0.00000001"), new BigDecimal("99999999"))
                .ofScale(8)
                .map(Price::of);
    }

    private static Arbitrary<Quantity> quantities() {
        return Arbitraries.bigDecimals()
                .between(new BigDecimal("-1000000"), new BigDecimal("1000000"))
                .ofScale(6)
                .map(Quantity::of);
    }

    private static Arbitrary<Instant> times() {
        return Arbitraries.longs().between(0, 4_000_000_000L).map(s -> Instant.ofEpochSecond(s, (s % 7) * 1000));
    }

    private static Arbitrary<OrderId> ids() {
        return Arbitraries.longs().between(1, 1_000_000).map(n -> OrderId.parse("O-" + n));
    }

    private static Arbitrary<OrderTerms> terms() {
        return prices().flatMap(p -> times().map(t -> List.of(
                        OrderTerms.market(),
                        new OrderTerms(OrderType.LIMIT, p, null, TimeInForce.IOC, null, true, false),
                        new OrderTerms(OrderType.LIMIT, p, null, TimeInForce.GTC, null, false, true),
                        new OrderTerms(OrderType.STOP, null, p, TimeInForce.DAY, null, false, false),
                        new OrderTerms(OrderType.STOP_LIMIT, p, p, TimeInForce.GTD, t, true, false))))
                .flatMap(Arbitraries::of);
    }

    private static Arbitrary<Event> risk() {
        Arbitrary<RuleCheck> check = Combinators.combine(nonBlank(), nonBlank(), text(), Arbitraries.of(true, false))
                .as((rule, code, detail, passed) ->
                        passed ? RuleCheck.pass(rule, code, detail) : RuleCheck.fail(rule, code, detail));
        return Combinators.combine(
                        Arbitraries.longs().between(1, Long.MAX_VALUE / 2),
                        times(),
                        ids(),
                        nonBlank(),
                        nonBlank(),
                        Arbitraries.of(true, false),
                        check.list().ofMaxSize(6))
                .as((seq, t, id, strategy, instrument, approved, checks) -> new RiskEvaluated(
                        seq, t, id, strategy, seq - 1, InstrumentId.of(instrument), approved, checks));
    }

    private static Arbitrary<Event> fill() {
        return Combinators.combine(
                        Arbitraries.longs().between(1, Long.MAX_VALUE / 2),
                        times(),
                        ids(),
                        nonBlank(),
                        Arbitraries.of(Side.class),
                        quantities().filter(q -> q.signum() > 0),
                        prices(),
                        Arbitraries.bigDecimals()
                                .between(BigDecimal.ZERO, new BigDecimal("100000"))
                                .ofScale(8))
                .as((seq, t, id, strategy, side, qty, price, fee) -> new OrderFilled(
                        seq,
                        t,
                        id,
                        "F-" + seq,
                        strategy,
                        InstrumentId.of("BTC-PERP"),
                        side,
                        qty,
                        price,
                        Price.of(fee.movePointLeft(3)),
                        Money.of(Currency.of("USDT"), fee),
                        seq % 2 == 0 ? Liquidity.MAKER : Liquidity.TAKER));
    }

    private static Arbitrary<Event> signal() {
        Arbitrary<Map<String, String>> fields =
                Arbitraries.maps(nonBlank(), text()).ofMaxSize(4);
        return Combinators.combine(
                        Arbitraries.longs().between(1, Long.MAX_VALUE / 2),
                        times(),
                        nonBlank(),
                        nonBlank(),
                        quantities(),
                        terms(),
                        text().filter(r -> !r.isBlank()),
                        fields)
                .as((seq, t, strategy, name, target, terms, reason, f) -> new SignalRaised(
                        seq, t, strategy, new Signal(name, InstrumentId.of("ETH-USD"), target, terms, reason, f)));
    }

    private static Arbitrary<Event> initialized() {
        return Combinators.combine(
                        Arbitraries.longs().between(1, Long.MAX_VALUE / 2),
                        times(),
                        ids(),
                        nonBlank(),
                        Arbitraries.of(Side.class),
                        quantities().filter(q -> q.signum() > 0),
                        terms())
                .as((seq, t, id, strategy, side, qty, terms) -> new OrderInitialized(
                        seq, t, id, new OrderRequest(strategy, InstrumentId.of("ES"), side, qty, terms)));
    }

    private static Arbitrary<Event> submitted() {
        return Combinators.combine(Arbitraries.longs().between(1, Long.MAX_VALUE / 2), times(), ids(), times())
                .as((seq, t, id, arrival) -> new OrderSubmitted(seq, t, id, arrival));
    }

    private static Arbitrary<Event> accepted() {
        return Combinators.combine(Arbitraries.longs().between(1, Long.MAX_VALUE / 2), times(), ids())
                .as(OrderAccepted::new);
    }
}
