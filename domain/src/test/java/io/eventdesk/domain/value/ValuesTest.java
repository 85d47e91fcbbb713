package io.eventdesk.domain.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.RoundingMode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ValuesTest {
    @Nested
    class Prices {
        @Test
        void shouldBeEqual_whenOnlyTrailingZerosDiffer() {
            assertThat(Price.of("1.10")).isEqualTo(Price.of("1.1")).hasSameHashCodeAs(Price.of("1.1"));
            assertThat(Price.of("1.10").compareTo(Price.of("1.09"))).isPositive();
        }

        @Test
        void shouldPrintPlainDecimals_whenConvertedToText() {
            assertThat(Price.of("1E+3").toString()).isEqualTo("1000");
            assertThat(Price.of("0.00050").toString()).isEqualTo("0.0005");
            assertThat(FixedPoint.toPlainString(-123450, 3)).isEqualTo("-123.45");
            assertThat(FixedPoint.toPlainString(-5, 4)).isEqualTo("-0.0005");
            assertThat(FixedPoint.toPlainString(1200, 2)).isEqualTo("12");
            assertThat(FixedPoint.toPlainString(Long.MIN_VALUE, 2)).isEqualTo("-92233720368547758.08");
        }

        @Test
        void shouldRefuseTheScale_whenTooManyDecimals() {
            assertThatThrownBy(() -> Price.of("0.0000000000001")).hasMessageContaining("scale must be in 0..12");
        }
    }

    @Nested
    class Rounding {
        @Test
        void shouldRoundHalfToEven_whenNarrowing() {
            assertThat(FixedPoint.rescale(125, 2, 1)).isEqualTo(12);
            assertThat(FixedPoint.rescale(135, 2, 1)).isEqualTo(14);
            assertThat(FixedPoint.rescale(-125, 2, 1)).isEqualTo(-12);
            assertThat(FixedPoint.rescale(-126, 2, 1)).isEqualTo(-13);
        }

        @Test
        void shouldMultiplyExactly_whenTheProductExceedsALong() {
            long big = 9_000_000_000_000L;
            assertThat(FixedPoint.multiply(big, 6, big, 6, 2)).isEqualTo(8_100_000_000_000_000L); // 9e6 × 9e6 = 8.1e13
        }

        @Test
        void shouldFail_whenTheResultOverflows() {
            assertThatThrownBy(() -> FixedPoint.multiply(Long.MAX_VALUE, 0, 10, 0, 0))
                    .isInstanceOf(ArithmeticException.class);
            assertThatThrownBy(() -> new Money(Currency.of("USD"), Long.MAX_VALUE).plus(Money.of("USD", "1")))
                    .isInstanceOf(ArithmeticException.class);
        }

        @Test
        void shouldRoundTheFeeOnce_whenMoneyIsAProduct() {
            Money m = Money.ofProduct(Currency.of("USD"), Price.of("0.333333333"), Quantity.of("3"), Quantity.of(1));
            assertThat(m.amount()).isEqualTo("1");
            Money n = Money.ofProduct(Currency.of("USD"), Price.of("1.000000005"), Quantity.of("1"), Quantity.of(1));
            assertThat(n.amount()).isEqualTo("1"); // HALF_EVEN at 8 decimals
        }
    }

    @Nested
    class MoneyRules {
        @Test
        void shouldRefuse_whenCurrenciesDiffer() {
            assertThatThrownBy(() -> Money.of("USD", "1").plus(Money.of("EUR", "1")))
                    .hasMessageContaining("cannot combine USD with EUR");
        }

        @Test
        void shouldKeepTheRatioExact_whenDividing() {
            assertThat(Money.of("USD", "1").ratioTo(Money.of("USD", "3"), 4)).isEqualByComparingTo("0.3333");
        }
    }

    @Test
    void shouldRoundOntoTheTickGrid_whenAskedWithAMode() {
        var ins = io.eventdesk.domain.testing.Instruments.future("ES", 50);
        assertThat(ins.roundToTick(Price.of("4000.13"), RoundingMode.HALF_EVEN)).isEqualTo(Price.of("4000.25"));
        assertThat(ins.roundToTick(Price.of("4000.12"), RoundingMode.HALF_EVEN)).isEqualTo(Price.of("4000"));
        assertThat(ins.roundToTick(Price.of("4000.01"), RoundingMode.CEILING)).isEqualTo(Price.of("4000.25"));
        assertThat(ins.isOnTickGrid(Price.of("4000.5"))).isTrue();
        assertThat(ins.isOnTickGrid(Price.of("4000.1"))).isFalse();
    }
}
