package io.eventdesk.domain.results;

import java.time.Duration;
import java.time.Instant;

/**
 * The drawdown of an equity curve, point by point: the deepest fall from a peak (as a fraction of the peak), how long
 * that drawdown lasted (from its peak to the recovery of that peak, or to the end), and the longest time under water
 * (any stretch below the running peak).
 */
public final class DrawdownTracker {
    private double peak = Double.NaN;
    private Instant peakTime;
    private double maxDrawdown;
    private Instant maxPeakTime;
    private Duration maxDrawdownDuration = Duration.ZERO;
    private boolean maxRecovered = true;
    private Duration longestUnderwater = Duration.ZERO;
    private boolean underwater;
    private Instant last;

    public void add(Instant time, double equity) {
        if (Double.isNaN(peak) || equity >= peak) {
            if (underwater) {
                close(time);
            }
            peak = equity;
            peakTime = time;
            underwater = false;
        } else {
            underwater = true;
            double dd = peak > 0 ? (peak - equity) / peak : 0;
            if (dd > maxDrawdown) {
                maxDrawdown = dd;
                maxPeakTime = peakTime;
                maxRecovered = false;
            }
        }
        last = time;
    }

    /** The stretch under water that began at the current peak ends at {@code time}. */
    private void close(Instant time) {
        Duration d = Duration.between(peakTime, time);
        if (d.compareTo(longestUnderwater) > 0) {
            longestUnderwater = d;
        }
        if (!maxRecovered && peakTime.equals(maxPeakTime)) {
            maxDrawdownDuration = d;
            maxRecovered = true;
        }
    }

    public double maxDrawdown() {
        return maxDrawdown;
    }

    /** From the deepest drawdown's peak to its recovery, or to the last point when it never recovered. */
    public Duration maxDrawdownDuration() {
        if (!maxRecovered) {
            return Duration.between(maxPeakTime, last);
        }
        return maxDrawdownDuration;
    }

    public Duration longestUnderwater() {
        return underwater ? max(longestUnderwater, Duration.between(peakTime, last)) : longestUnderwater;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
