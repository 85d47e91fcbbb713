package io.eventdesk.adapters.marketdata;

import io.eventdesk.domain.market.MarketData;
import java.time.Duration;
import java.time.Instant;
import java.util.NoSuchElementException;

/**
 * A primary source whose gaps are filled from a secondary one of the same layout: when two consecutive primary
 * records are more than {@code step} apart (a bar missing, or dropped as bad), the secondary's records strictly
 * between them are delivered in their place, and after the primary ends the secondary's later records too. Each
 * substitution is reported as {@link DataProblem#SUBSTITUTED} in the primary's quality report (never an error).
 */
final class FailoverReader implements RecordReader {
    private final SourceReader primary;
    private final SourceReader secondary;
    private final Duration step;
    private MarketData primaryNext;
    private MarketData secondaryNext;
    private Instant last;

    FailoverReader(SourceReader primary, SourceReader secondary, Duration step) {
        this.primary = primary;
        this.secondary = secondary;
        this.step = step;
    }

    @Override
    public boolean hasNext() {
        if (primaryNext == null && primary.hasNext()) {
            primaryNext = primary.next();
        }
        // the secondary's records up to what is already delivered are of no use
        while (true) {
            if (secondaryNext == null && secondary.hasNext()) {
                secondaryNext = secondary.next();
            }
            if (secondaryNext == null
                    || last == null
                    || secondaryNext.knownTime().isAfter(last)) {
                break;
            }
            secondaryNext = null;
        }
        return primaryNext != null || secondaryNext != null && last != null;
    }

    @Override
    public MarketData next() {
        if (!hasNext()) {
            throw new NoSuchElementException(file() + ": no more records");
        }
        boolean gap = primaryNext == null
                || last != null
                        && Duration.between(last, primaryNext.knownTime()).compareTo(step) > 0;
        if (gap
                && secondaryNext != null
                && last != null
                && (primaryNext == null || secondaryNext.knownTime().isBefore(primaryNext.knownTime()))) {
            MarketData s = secondaryNext;
            secondaryNext = null;
            last = s.knownTime();
            primary.quality.add(
                    DataProblem.SUBSTITUTED,
                    secondary.lastLine(),
                    "time",
                    "record at " + s.knownTime() + " taken from " + secondary.file() + " line " + secondary.lastLine());
            return s;
        }
        MarketData p = primaryNext;
        primaryNext = null;
        last = p.knownTime();
        return p;
    }

    @Override
    public String file() {
        return primary.file() + " (secondary " + secondary.file() + ")";
    }

    @Override
    public void close() {
        try {
            primary.close();
        } finally {
            secondary.close();
        }
    }
}
