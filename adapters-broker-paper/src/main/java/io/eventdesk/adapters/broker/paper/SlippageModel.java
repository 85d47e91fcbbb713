package io.eventdesk.adapters.broker.paper;

import io.eventdesk.domain.value.Quantity;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * How much worse than its reference price a taker fill of a MARKET or STOP order executes. The reference is the
 * bar's open, the trade's price, the stop's trigger price, or the far side of the quote (a buy at the ask already
 * pays half the spread there). Limit prices are never exceeded: limit fills are not slipped. The slippage is
 * rounded to the tick against the trader and recorded on the fill.
 */
public sealed interface SlippageModel {

    /**
     * How far, per unit, a taker fill of {@code quantity} moves from {@code reference} against the trader, before
     * rounding to the tick.
     *
     * @param volume the bar's volume, the trade's size or the quoted size on the side taken; null when unknown
     * @param lastQuoteSpread the last known quote's spread, or null
     * @param onQuote whether the reference already crossed the quoted spread
     */
    BigDecimal adverseMove(
            BigDecimal reference, Quantity quantity, Quantity volume, BigDecimal lastQuoteSpread, boolean onQuote);

    /** No slippage beyond what the data shows (crossing the quoted spread). */
    static SlippageModel none() {
        return new FixedBps(BigDecimal.ZERO);
    }

    /** A fixed number of basis points of the reference price. */
    record FixedBps(BigDecimal bps) implements SlippageModel {
        public FixedBps {
            nonNegative("bps", bps);
        }

        @Override
        public BigDecimal adverseMove(
                BigDecimal reference, Quantity quantity, Quantity volume, BigDecimal lastQuoteSpread, boolean onQuote) {
            return bps.signum() == 0 ? BigDecimal.ZERO : reference.multiply(bps).movePointLeft(4);
        }
    }

    /**
     * Half the spread: on quotes the spread is crossed as it is quoted; on bars and trades half of the last known
     * quote's spread is added, or half of {@code defaultSpreadBps} when no quote is known.
     */
    record Spread(BigDecimal defaultSpreadBps) implements SlippageModel {
        private static final BigDecimal TWO = BigDecimal.valueOf(2);

        public Spread {
            nonNegative("default spread bps", defaultSpreadBps);
        }

        @Override
        public BigDecimal adverseMove(
                BigDecimal reference, Quantity quantity, Quantity volume, BigDecimal lastQuoteSpread, boolean onQuote) {
            if (onQuote) {
                return BigDecimal.ZERO; // the quoted spread is crossed already
            }
            BigDecimal spread = lastQuoteSpread != null
                    ? lastQuoteSpread
                    : reference.multiply(defaultSpreadBps).movePointLeft(4);
            return spread.divide(TWO);
        }
    }

    /**
     * Square-root market impact: {@code price × coefficient × sqrt(quantity / volume)}, where volume is the bar's
     * volume, the trade's size or the quoted size on the side taken. No impact when the data has no volume.
     */
    record SquareRoot(BigDecimal coefficient) implements SlippageModel {
        public SquareRoot {
            nonNegative("coefficient", coefficient);
        }

        @Override
        public BigDecimal adverseMove(
                BigDecimal reference, Quantity quantity, Quantity volume, BigDecimal lastQuoteSpread, boolean onQuote) {
            if (volume == null || !volume.isPositive()) {
                return BigDecimal.ZERO;
            }
            double share = quantity.toBigDecimal().doubleValue()
                    / volume.toBigDecimal().doubleValue();
            return reference.multiply(coefficient).multiply(new BigDecimal(Math.sqrt(share), MathContext.DECIMAL64));
        }
    }

    private static void nonNegative(String what, BigDecimal v) {
        if (v == null || v.signum() < 0) {
            throw new IllegalArgumentException("slippage " + what + " must be >= 0, got " + v);
        }
    }
}
