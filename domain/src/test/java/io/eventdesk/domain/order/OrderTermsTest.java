package io.eventdesk.domain.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventdesk.domain.instrument.InstrumentId;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import io.eventdesk.domain.value.Side;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OrderTermsTest {
    private static final Price P = Price.of("100");
    private static final Instant T = Instant.parse("2024-01-02T00:00:00Z");

    @ParameterizedTest
    @EnumSource(OrderType.class)
    void shouldNeedExactlyThePricesOfItsType_whenBuilt(OrderType type) {
        Price limit = type.hasLimit() ? P : null;
        Price trigger = type.hasTrigger() ? P : null;
        assertThat(new OrderTerms(type, limit, trigger, TimeInForce.GTC, null, false, false).type())
                .isEqualTo(type);
        assertThatThrownBy(() -> new OrderTerms(type, type.hasLimit() ? null : P, trigger, null, null, false, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("limit price");
        assertThatThrownBy(() -> new OrderTerms(type, limit, type.hasTrigger() ? null : P, null, null, false, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("trigger price");
    }

    @Test
    void shouldTieTheExpireTimeToGtd_whenBuilt() {
        assertThat(OrderTerms.limit(P).goodTill(T).expireTime()).isEqualTo(T);
        assertThatThrownBy(() -> new OrderTerms(OrderType.LIMIT, P, null, TimeInForce.GTD, null, false, false))
                .hasMessageContaining("expire time goes with GTD");
        assertThatThrownBy(() -> new OrderTerms(OrderType.LIMIT, P, null, TimeInForce.DAY, T, false, false))
                .hasMessageContaining("expire time goes with GTD");
    }

    @Test
    void shouldRefuseImmediateStops_whenIocOrFokIsAskedOfAStop() {
        assertThatThrownBy(() -> OrderTerms.stop(P).with(TimeInForce.IOC))
                .hasMessage("IOC applies to MARKET and LIMIT orders; a STOP order waits for its trigger");
    }

    @Test
    void shouldAllowPostOnlyOnRestingLimitsOnly_whenFlagged() {
        assertThat(OrderTerms.limit(P).asPostOnly().postOnly()).isTrue();
        assertThatThrownBy(() -> OrderTerms.market().asPostOnly())
                .hasMessage("post-only applies to LIMIT orders, not MARKET");
        assertThatThrownBy(() -> OrderTerms.limit(P).with(TimeInForce.FOK).asPostOnly())
                .hasMessage("a post-only order rests; it cannot be FOK");
    }

    @Test
    void shouldCarryEveryTermThroughARequestAndAReplace_whenReplacingAStopLimit() {
        OrderTerms terms = OrderTerms.stopLimit(P, Price.of("101")).goodTill(T).asReduceOnly();
        OrderRequest request = new OrderRequest("s", InstrumentId.of("X"), Side.SELL, Quantity.of(5), terms);
        assertThat(request.terms()).isEqualTo(terms);
        OrderRequest replaced = request.withQuantityAndPrices(Quantity.of(3), Price.of("99"), Price.of("98"));
        assertThat(replaced.terms())
                .isEqualTo(new OrderTerms(
                        OrderType.STOP_LIMIT, Price.of("99"), Price.of("98"), TimeInForce.GTD, T, true, false));
        assertThat(replaced.quantity()).isEqualTo(Quantity.of(3));
        assertThat(terms.toString()).isEqualTo("STOP_LIMIT trigger 100 limit 101 GTD 2024-01-02T00:00:00Z reduce-only");
    }
}
