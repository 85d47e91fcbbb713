package io.eventdesk.domain.sizing;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventdesk.domain.instrument.Instrument;
import io.eventdesk.domain.testing.Instruments;
import io.eventdesk.domain.value.Money;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import java.math.BigDecimal;
import java.util.Optional;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class SizingTest {
    private final Instrument aapl = Instruments.equity("AAPL");
    private final Instrument es = Instruments.future("ES", 50);
    private final Money equity = Money.of("USD", "100000");

    @Test
    void shouldKeepTheSignalsQuantity_whenSizingIsFixed() {
        assertThat(new Sizing.Fixed()
                        .size(Quantity.of(-7), aapl, equity, Price.of("10"), Optional.empty())
                        .target())
                .isEqualTo(Quantity.of(-7));
    }

    @Test
    void shouldSpendTheExposureRoundedDownToTheLot_whenSizingByTargetExposure() {
        Sizing s = new Sizing.TargetExposure(new BigDecimal("0.5"));
        // 0.5 × 100,000 / 33 = 1515.15 → 1515 shares, short keeps its sign
        assertThat(s.size(Quantity.of(-1), aapl, equity, Price.of("33"), Optional.empty())
                        .target())
                .isEqualTo(Quantity.of(-1515));
        // futures: 50,000 / (4000 × 50) = 0.25 contract → none
        assertThat(s.size(Quantity.of(1), es, equity, Price.of("4000"), Optional.empty())
                        .target())
                .isEqualTo(Quantity.ZERO);
        assertThat(s.size(Quantity.ZERO, aapl, equity, Price.of("33"), Optional.empty())
                        .target())
                .isEqualTo(Quantity.ZERO);
    }

    @Test
    void shouldRiskTheSameShareOfEquity_whenSizingByVolatility() {
        Sizing s = new Sizing.Volatility(new BigDecimal("0.01"), 5);
        // 0.01 × 100,000 / 0.02 = 50,000 of exposure / 100 = 500 shares
        assertThat(s.size(Quantity.of(1), aapl, equity, Price.of("100"), Optional.of(0.02))
                        .target())
                .isEqualTo(Quantity.of(500));
        Sizing.Result unknown = s.size(Quantity.of(1), aapl, equity, Price.of("100"), Optional.empty());
        assertThat(unknown.target()).isNull();
        assertThat(unknown.how()).isEqualTo("no volatility over 5 bars yet");
    }

    @Test
    void shouldMeasureTheSampleDeviationOfReturns_whenEnoughBarsArrived() {
        RollingVolatility v = new RollingVolatility(2);
        v.add(100);
        v.add(110); // +10%
        assertThat(v.value()).isEmpty();
        v.add(99); // -10%
        assertThat(v.value().orElseThrow()).isCloseTo(Math.sqrt(0.02), Offset.offset(1e-12));
        v.add(99); // 0%: the window is now (-10%, 0%)
        assertThat(v.value().orElseThrow()).isCloseTo(Math.sqrt(0.005), Offset.offset(1e-12));
    }
}
