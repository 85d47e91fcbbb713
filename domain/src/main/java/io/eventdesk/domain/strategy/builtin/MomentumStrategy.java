package io.eventdesk.domain.strategy.builtin;

import io.eventdesk.domain.instrument.InstrumentId;
import io.eventdesk.domain.market.Bar;
import io.eventdesk.domain.market.MarketData;
import io.eventdesk.domain.market.QuoteBar;
import io.eventdesk.domain.signal.Signal;
import io.eventdesk.domain.strategy.Strategy;
import io.eventdesk.domain.strategy.StrategyContext;
import io.eventdesk.domain.strategy.StrategyParameters;
import io.eventdesk.domain.value.FixedPoint;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The reference strategy. If the close has risen more than {@code threshold} (a fraction) over {@code lookback}
 * bars, target a long {@code quantity}; if it fell more than {@code threshold}, target flat, or short
 * {@code quantity} when {@code allow-short} is true. A signal is raised only when the target differs from where
 * the position is already going (held plus open orders).
 */
public final class MomentumStrategy implements Strategy {
    private final int lookback;
    private final BigDecimal threshold;
    private final Quantity quantity;
    private final boolean allowShort;
    private final Map<InstrumentId, Closes> closes = new HashMap<>();

    public MomentumStrategy(StrategyParameters params) {
        params.allowOnly("lookback", "threshold", "quantity", "allow-short");
        this.lookback = params.positiveInt("lookback");
        this.threshold = params.nonNegativeDecimal("threshold");
        this.quantity = params.positiveQuantity("quantity");
        this.allowShort = params.bool("allow-short", false);
    }

    @Override
    public List<Signal> onMarketData(MarketData data, StrategyContext context) {
        // bars, or the midpoints of bid/ask bars
        Bar bar = data instanceof Bar b ? b : data instanceof QuoteBar q ? q.mid() : null;
        if (bar == null) {
            return List.of();
        }
        int scale = context.portfolio().instrument(bar.instrument()).priceScale();
        Closes c = closes.get(bar.instrument());
        if (c == null) {
            c = new Closes(lookback + 1);
            closes.put(bar.instrument(), c);
        }
        long[] ring = c.ring;
        int count = ++c.count;
        long close = bar.close().unitsAt(scale);
        ring[(count - 1) % ring.length] = close;
        if (count <= lookback) {
            return List.of();
        }
        long past = ring[count % ring.length];
        // change > threshold  <=>  (close - past) * 10^t > thresholdUnits * past, exactly
        int tScale = Math.max(0, threshold.scale());
        long tUnits = FixedPoint.fromBigDecimal(threshold, tScale, RoundingMode.UNNECESSARY);
        long move = Math.multiplyExact(Math.subtractExact(close, past), FixedPoint.pow10(tScale));
        long bound = Math.multiplyExact(tUnits, past);
        Quantity target;
        String name;
        if (move > bound) {
            target = quantity;
            name = "momentum-long";
        } else if (move < -bound) {
            target = allowShort ? quantity.negate() : Quantity.ZERO;
            name = allowShort ? "momentum-short" : "momentum-flat";
        } else {
            return List.of();
        }
        if (context.committedPosition(bar.instrument()).equals(target)) {
            return List.of();
        }
        long now = close;
        String sign = move > bound ? " > " : " < -";
        Price closePrice = bar.close();
        return List.of(Signal.target(
                name,
                bar.instrument(),
                target,
                () -> "close " + closePrice + " vs " + FixedPoint.toPlainString(past, scale) + " " + lookback
                        + " bars ago: change " + change(now, past, scale) + sign + threshold.toPlainString(),
                () -> Map.of(
                        "change", change(now, past, scale),
                        "close", closePrice.toString(),
                        "past_close", FixedPoint.toPlainString(past, scale))));
    }

    /** (close − past) / past, six decimals. */
    private static String change(long close, long past, int scale) {
        return BigDecimal.valueOf(close - past, scale)
                .divide(BigDecimal.valueOf(past, scale), 6, RoundingMode.HALF_EVEN)
                .stripTrailingZeros()
                .toPlainString();
    }

    /** The last {@code lookback + 1} closes of one instrument, as a ring. */
    private static final class Closes {
        final long[] ring;
        int count;

        Closes(int size) {
            this.ring = new long[size];
        }
    }
}
