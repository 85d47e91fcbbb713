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
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Simple moving averages of closes, per instrument. At bar i (i ≥ slow, counting from 0, so both averages have
 * full windows at i and i−1): <em>enter long {@code quantity}</em> when fast &gt; slow at i and fast ≤ slow at
 * i−1; <em>exit to flat</em> when fast &lt; slow at i and fast ≥ slow at i−1. Averages are compared exactly
 * ({@code fastSum × slow} against {@code slowSum × fast}), never in floating point.
 *
 * <p>Parameters: {@code fast}, {@code slow} (bars, fast &lt; slow), {@code quantity}.
 */
public final class SmaCrossStrategy implements Strategy {
    private final int fast;
    private final int slow;
    private final Quantity quantity;
    private final Map<InstrumentId, Window> windows = new HashMap<>();

    public SmaCrossStrategy(StrategyParameters params) {
        params.allowOnly("fast", "slow", "quantity");
        this.fast = params.positiveInt("fast");
        this.slow = params.positiveInt("slow");
        this.quantity = params.positiveQuantity("quantity");
        if (fast >= slow) {
            throw new io.eventdesk.domain.error.BadInputException(
                    null, 0, "strategy.params.fast", "fast (" + fast + ") must be less than slow (" + slow + ")");
        }
    }

    @Override
    public List<Signal> onMarketData(MarketData data, StrategyContext context) {
        // bars, or the midpoints of bid/ask bars
        Bar bar = data instanceof Bar b ? b : data instanceof QuoteBar q ? q.mid() : null;
        if (bar == null) {
            return List.of();
        }
        Window w = windows.get(bar.instrument());
        if (w == null) {
            w = new Window(
                    slow, context.portfolio().instrument(bar.instrument()).priceScale());
            windows.put(bar.instrument(), w);
        }
        w.push(bar.close().unitsAt(w.scale), fast);
        if (w.count < slow) {
            return List.of();
        }
        int relation = Long.signum(Math.subtractExact(
                Math.multiplyExact(w.fastSum, (long) slow), Math.multiplyExact(w.slowSum, (long) fast)));
        int previous = w.previousRelation;
        w.previousRelation = relation;
        if (w.count < slow + 1) {
            return List.of();
        }
        if (relation > 0 && previous <= 0) {
            return List.of(signal("enter-long", bar, quantity, "crossed above", w));
        }
        if (relation < 0 && previous >= 0) {
            return List.of(signal("exit-flat", bar, Quantity.ZERO, "crossed below", w));
        }
        return List.of();
    }

    private Signal signal(String name, Bar bar, Quantity target, String how, Window w) {
        long fastSum = w.fastSum;
        long slowSum = w.slowSum;
        int scale = w.scale;
        Price close = bar.close();
        return Signal.target(
                name,
                bar.instrument(),
                target,
                () -> "SMA(" + fast + ") " + average(fastSum, fast, scale) + " " + how + " SMA(" + slow + ") "
                        + average(slowSum, slow, scale) + " at close " + close,
                () -> Map.of(
                        "fast_sma", average(fastSum, fast, scale),
                        "slow_sma", average(slowSum, slow, scale),
                        "close", close.toString()));
    }

    private static String average(long sum, int n, int scale) {
        long fourMoreDigits = FixedPoint.divide(Math.multiplyExact(sum, 10_000L), n, RoundingMode.HALF_EVEN);
        return FixedPoint.toPlainString(fourMoreDigits, scale + 4);
    }

    /** The last {@code slow} closes of one instrument as a ring, with running sums of both windows. */
    private static final class Window {
        final long[] ring;
        final int scale;
        int count;
        long fastSum;
        long slowSum;
        int previousRelation;

        Window(int slow, int scale) {
            this.ring = new long[slow];
            this.scale = scale;
        }

        void push(long close, int fast) {
            int n = ring.length;
            if (count >= fast) {
                fastSum -= ring[(count - fast) % n];
            }
            if (count >= n) {
                slowSum -= ring[count % n];
            }
            ring[count % n] = close;
            fastSum = Math.addExact(fastSum, close);
            slowSum = Math.addExact(slowSum, close);
            count++;
        }
    }
}
