package io.eventdesk.adapters.marketdata;

import io.eventdesk.domain.instrument.Instrument;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One CSV file of bars for one instrument.
 *
 * @param barTime what the time column means ({@link BarTime#AUTO} decides by its name)
 * @param interval the bar length, or {@code null} to infer it from the first rows (the smallest step between
 *     consecutive times)
 */
public record BarSource(Instrument instrument, Path path, BarTime barTime, Duration interval) {
    public BarSource {
        if (instrument == null || path == null) {
            throw new IllegalArgumentException("a bar source needs an instrument and a path");
        }
        barTime = barTime == null ? BarTime.AUTO : barTime;
        if (interval != null && (interval.isZero() || interval.isNegative())) {
            throw new IllegalArgumentException("bar interval must be positive, got " + interval);
        }
    }
}
