package io.eventdesk.adapters.broker.paper;

import io.eventdesk.domain.instrument.Instrument;
import io.eventdesk.domain.order.Liquidity;
import io.eventdesk.domain.value.FixedPoint;
import io.eventdesk.domain.value.Money;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What the paper venue charges per fill, in the instrument's currency, exact to 10^-8. Per-unit rates are per share,
 * coin or contract (a futures exchange's per-contract fee).
 */
public sealed interface CommissionModel {
    Money fee(Instrument instrument, Quantity quantity, Price price, Liquidity liquidity);

    /** No commission. */
    static CommissionModel none() {
        return new Bps(BigDecimal.ZERO, BigDecimal.ZERO);
    }

    /** {@code rate} basis points of the notional, at least {@code minimum}. */
    record Bps(BigDecimal rate, BigDecimal minimum) implements CommissionModel {
        public Bps {
            nonNegative("rate", rate);
            nonNegative("minimum", minimum);
        }

        @Override
        public Money fee(Instrument instrument, Quantity quantity, Price price, Liquidity liquidity) {
            return bps(instrument, quantity, price, rate, minimum);
        }
    }

    /** {@code rate} per unit (share, coin, contract) traded, at least {@code minimum}. */
    record PerUnit(BigDecimal rate, BigDecimal minimum) implements CommissionModel {
        public PerUnit {
            nonNegative("rate", rate);
            nonNegative("minimum", minimum);
        }

        @Override
        public Money fee(Instrument instrument, Quantity quantity, Price price, Liquidity liquidity) {
            Price r = Price.of(rate);
            Quantity q = quantity.abs();
            long fee = FixedPoint.multiply(q.units(), q.scale(), r.units(), r.scale(), Money.SCALE);
            return atLeast(instrument, fee, minimum);
        }
    }

    /**
     * Basis points of the notional, one rate for fills that rested ({@code makerBps}, may be zero) and one for
     * fills that crossed ({@code takerBps}), at least {@code minimum}.
     */
    record MakerTaker(BigDecimal makerBps, BigDecimal takerBps, BigDecimal minimum) implements CommissionModel {
        public MakerTaker {
            nonNegative("maker rate", makerBps);
            nonNegative("taker rate", takerBps);
            nonNegative("minimum", minimum);
        }

        @Override
        public Money fee(Instrument instrument, Quantity quantity, Price price, Liquidity liquidity) {
            return bps(instrument, quantity, price, liquidity == Liquidity.MAKER ? makerBps : takerBps, minimum);
        }
    }

    private static Money bps(Instrument instrument, Quantity quantity, Price price, BigDecimal rate, BigDecimal min) {
        Price r = Price.of(rate); // the rate as an exact mantissa and scale
        long notional = Math.abs(instrument.valueUnits(price, quantity));
        long fee = FixedPoint.multiply(notional, Money.SCALE, r.units(), r.scale() + 4, Money.SCALE);
        return atLeast(instrument, fee, min);
    }

    /** The fee (in 10^-8 units), at least {@code minimum}. */
    private static Money atLeast(Instrument instrument, long fee, BigDecimal minimum) {
        long floor = FixedPoint.fromBigDecimal(minimum, Money.SCALE, RoundingMode.HALF_EVEN);
        return new Money(instrument.currency(), Math.max(fee, floor));
    }

    private static void nonNegative(String name, BigDecimal v) {
        if (v == null || v.signum() < 0) {
            throw new IllegalArgumentException("commission " + name + " must be >= 0, got " + v);
        }
        if (v.stripTrailingZeros().scale() > 8) {
            throw new IllegalArgumentException(
                    "commission " + name + " has more than 8 decimals: " + v.toPlainString());
        }
    }
}
