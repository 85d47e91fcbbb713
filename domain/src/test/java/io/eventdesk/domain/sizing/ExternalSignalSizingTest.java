package io.eventdesk.domain.sizing;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventdesk.domain.instrument.Instrument;
import io.eventdesk.domain.order.OrderRequest;
import io.eventdesk.domain.order.OrderType;
import io.eventdesk.domain.signal.ExternalSignal;
import io.eventdesk.domain.signal.ExternalSignal.Direction;
import io.eventdesk.domain.testing.Bars;
import io.eventdesk.domain.testing.Instruments;
import io.eventdesk.domain.value.Money;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import io.eventdesk.domain.value.Side;
import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExternalSignalSizingTest {
    private final Instrument aapl = Instruments.equity("AAPL");
    private final Money equity = Money.of("USD", "100000");

    private ExternalSignal signal(Direction side, String exposure, String quantity) {
        return new ExternalSignal(
                "s",
                Bars.T0,
                "r",
                aapl.id(),
                side,
                null,
                exposure == null ? null : new BigDecimal(exposure),
                quantity == null ? null : Quantity.of(quantity),
                null,
                null,
                null,
                null,
                "test:1");
    }

    @Test
    void shouldTargetTheQuantityInTheSidesDirection_whenAQuantityIsGiven() {
        assertThat(ExternalSignalSizing.target(signal(Direction.SELL, null, "7"), aapl, equity, Optional.empty())
                        .target())
                .isEqualTo(Quantity.of(-7));
    }

    @Test
    void shouldTargetTheExposureAtTheLastPrice_whenAnExposureIsGiven() {
        Sizing.Result r = ExternalSignalSizing.target(
                signal(Direction.SELL, "-0.25", null), aapl, equity, Optional.of(Price.of("30")));
        assertThat(r.target()).isEqualTo(Quantity.of(-833)); // 25,000 / 30 = 833.3
        assertThat(r.how()).isEqualTo("target exposure 0.25 of equity 100000 at 30");
    }

    @Test
    void shouldSayWhy_whenNoPriceIsKnownForAnExposure() {
        Sizing.Result r =
                ExternalSignalSizing.target(signal(Direction.BUY, "0.1", null), aapl, equity, Optional.empty());
        assertThat(r.target()).isNull();
        assertThat(r.how()).contains("no price known for AAPL");
    }

    @Test
    void shouldTurnAMarketOrderIntoALimitInsideTheCap_whenSlippageIsCapped() {
        OrderRequest buy = OrderRequest.market("r", aapl.id(), Side.BUY, Quantity.of(1));
        OrderRequest capped = ExternalSignalSizing.capSlippage(buy, aapl, Price.of("100.03"), new BigDecimal("15"));
        assertThat(capped.type()).isEqualTo(OrderType.LIMIT);
        assertThat(capped.limitPrice()).isEqualTo(Price.of("100.18")); // 100.03 × 1.0015 = 100.180045, floored
    }

    @Test
    void shouldCutTheOrderOrRefuseIt_whenTheNotionalIsCapped() {
        OrderRequest buy = OrderRequest.market("r", aapl.id(), Side.BUY, Quantity.of(100));
        assertThat(ExternalSignalSizing.capNotional(buy, aapl, Price.of("30"), new BigDecimal("1000")))
                .hasValueSatisfying(o -> assertThat(o.quantity()).isEqualTo(Quantity.of(33)));
        assertThat(ExternalSignalSizing.capNotional(buy, aapl, Price.of("30"), new BigDecimal("20")))
                .isEmpty();
        assertThat(ExternalSignalSizing.capNotional(buy, aapl, Price.of("30"), null))
                .contains(buy);
    }
}
