package io.eventdesk.domain.sizing;

import java.util.Optional;

/**
 * The standard deviation of the last {@code lookback} bar-to-bar simple returns of one instrument's closes: O(1)
 * per bar to keep, O(lookback) to read (only when a signal is sized). Statistics, not money: computed in
 * {@code double}, which Java evaluates the same on every machine.
 */
public final class RollingVolatility {
    private final double[] returns;
    private double previousClose = Double.NaN;
    private int count;

    public RollingVolatility(int lookback) {
        if (lookback < 2) {
            throw new IllegalArgumentException("lookback must be at least 2, got " + lookback);
        }
        this.returns = new double[lookback];
    }

    public void add(double close) {
        if (!Double.isNaN(previousClose) && previousClose > 0) {
            double r = close / previousClose - 1;
            returns[count % returns.length] = r;
            count++;
        }
        previousClose = close;
    }

    /** The sample standard deviation, once {@code lookback} returns are known. */
    public Optional<Double> value() {
        if (count < returns.length) {
            return Optional.empty();
        }
        int n = returns.length;
        double mean = 0;
        for (double r : returns) {
            mean += r;
        }
        mean /= n;
        double squares = 0;
        for (double r : returns) {
            squares += (r - mean) * (r - mean);
        }
        return Optional.of(Math.sqrt(squares / (n - 1)));
    }
}
