package io.eventdesk.adapters.broker.paper;

import io.eventdesk.domain.instrument.Instrument;
import io.eventdesk.domain.value.Money;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** What the paper venue charges per fill, in the instrument's currency, rounded HALF_EVEN to the cent-of-cent. */
public sealed interface CommissionModel {
    Money fee(Instrument instrument, Quantity quantity, Price price);

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
        public Money fee(Instrument instrument, Quantity quantity, Price price) {
            BigDecimal fee = instrument
                    .notional(price, quantity)
                    .toBigDecimal()
                    .multiply(rate)
                    .movePointLeft(4);
            return atLeast(instrument, fee, minimum);
        }
    }

    /** {@code rate} per unit (share, coin, contract) traded, at least {@code minimum}. */
    record PerUnit(BigDecimal rate, BigDecimal minimum) implements CommissionModel {
        public PerUnit {
            nonNegative("rate", rate);
            nonNegative("minimum", minimum);
        }

        @Override
        public Money fee(Instrument instrument, Quantity quantity, Price price) {
            return atLeast(instrument, quantity.abs().toBigDecimal().multiply(rate), minimum);
        }
    }

    private static Money atLeast(Instrument instrument, BigDecimal fee, BigDecimal minimum) {
        return Money.of(instrument.currency(), fee.max(minimum).setScale(Money.SCALE, RoundingMode.HALF_EVEN));
    }

    private static void nonNegative(String name, BigDecimal v) {
        if (v == null || v.signum() < 0) {
            throw new IllegalArgumentException("commission " + name + " must be >= 0, got " + v);
        }
    }
}
