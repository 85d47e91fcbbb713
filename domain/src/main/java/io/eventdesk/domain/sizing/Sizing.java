package io.eventdesk.domain.sizing;

import io.eventdesk.domain.instrument.Instrument;
import io.eventdesk.domain.value.Money;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * How a strategy's target becomes a position size ({@code sizing} in the config). Signals give a direction and a
 * size; the sizing keeps the direction and decides the size:
 *
 * <ul>
 *   <li>{@link Fixed}: the signal's own quantity;
 *   <li>{@link TargetExposure}: {@code exposure × equity / (price × multiplier)};
 *   <li>{@link Volatility}: {@code riskFraction × equity / (σ × price × multiplier)}, σ the standard deviation of
 *       the last {@code lookback} bar-to-bar returns: each position risks about the same share of equity.
 * </ul>
 *
 * Sizes are rounded toward zero onto the lot grid.
 */
public sealed interface Sizing {
    /**
     * The target position for a signal's target, or empty with the reason when it cannot be sized yet.
     *
     * @param volatility σ of the instrument's recent returns, when known
     */
    Result size(Quantity signalTarget, Instrument instrument, Money equity, Price last, Optional<Double> volatility);

    /** A size, or why there is none. */
    record Result(Quantity target, String how) {}

    record Fixed() implements Sizing {
        @Override
        public Result size(Quantity target, Instrument i, Money equity, Price last, Optional<Double> volatility) {
            return new Result(target, "fixed");
        }
    }

    record TargetExposure(BigDecimal exposure) implements Sizing {
        public TargetExposure {
            if (exposure == null || exposure.signum() <= 0) {
                throw new IllegalArgumentException("sizing exposure must be positive, got " + exposure);
            }
        }

        @Override
        public Result size(Quantity target, Instrument i, Money equity, Price last, Optional<Double> volatility) {
            if (target.isZero()) {
                return new Result(target, "flat");
            }
            BigDecimal budget = exposure.multiply(equity.toBigDecimal());
            return new Result(
                    scaled(target, i, budget, last),
                    "exposure " + exposure.toPlainString() + " of equity " + equity.amount() + " at " + last);
        }
    }

    record Volatility(BigDecimal riskFraction, int lookback) implements Sizing {
        public Volatility {
            if (riskFraction == null || riskFraction.signum() <= 0 || lookback < 2) {
                throw new IllegalArgumentException(
                        "volatility sizing needs a positive target risk and a lookback of" + " at least 2 bars");
            }
        }

        @Override
        public Result size(Quantity target, Instrument i, Money equity, Price last, Optional<Double> volatility) {
            if (target.isZero()) {
                return new Result(target, "flat");
            }
            if (volatility.isEmpty() || volatility.get() <= 0) {
                return new Result(null, "no volatility over " + lookback + " bars yet");
            }
            BigDecimal sigma = BigDecimal.valueOf(volatility.get()).setScale(10, RoundingMode.HALF_EVEN);
            BigDecimal budget = riskFraction.multiply(equity.toBigDecimal()).divide(sigma, 8, RoundingMode.HALF_EVEN);
            return new Result(
                    scaled(target, i, budget, last),
                    "risk " + riskFraction.toPlainString() + " of equity " + equity.amount() + " / volatility "
                            + sigma.stripTrailingZeros().toPlainString());
        }
    }

    /** sign(target) × budget / (price × multiplier), toward zero onto the lot grid. */
    private static Quantity scaled(Quantity target, Instrument i, BigDecimal budget, Price last) {
        BigDecimal units = budget.divide(
                last.toBigDecimal().multiply(i.multiplier().toBigDecimal()), i.quantityScale() + 4, RoundingMode.DOWN);
        Quantity size = i.roundDownToLot(Quantity.of(units));
        return target.isNegative() ? size.negate() : size;
    }
}
