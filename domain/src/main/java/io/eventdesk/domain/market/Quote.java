package io.eventdesk.domain.market;

import io.eventdesk.domain.instrument.InstrumentId;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import java.time.Instant;

/**
 * The best bid and ask, known at {@code time}. A side with no price is an empty side of the book; sizes are
 * {@code null} when the source has none.
 */
public record Quote(InstrumentId instrument, Instant time, Price bid, Price ask, Quantity bidSize, Quantity askSize)
        implements MarketData {

    public Quote {
        if (instrument == null || time == null) {
            throw new IllegalArgumentException("a quote needs an instrument and a time");
        }
        if (bid == null && ask == null) {
            throw new IllegalArgumentException("a quote needs a bid or an ask");
        }
        if (bid != null && !bid.isPositive() || ask != null && !ask.isPositive()) {
            throw new IllegalArgumentException("quote prices must be positive: bid " + bid + ", ask " + ask);
        }
        if (bid != null && ask != null && bid.isAbove(ask)) {
            throw new IllegalArgumentException("quote bid " + bid + " is above its ask " + ask + " (a crossed book)");
        }
        if (bidSize != null && bidSize.isNegative() || askSize != null && askSize.isNegative()) {
            throw new IllegalArgumentException("quote sizes must not be negative: " + bidSize + " / " + askSize);
        }
    }

    @Override
    public Instant knownTime() {
        return time;
    }

    /** A tick opens and becomes known at its own time. */
    @Override
    public Instant openTime() {
        return time;
    }

    /** The midpoint, exact (one digit finer than the quotes), or null when a side is empty. */
    public Price mid() {
        if (bid == null || ask == null) {
            return null;
        }
        int scale = Math.max(bid.scale(), ask.scale()) + 1;
        return new Price(Math.addExact(bid.unitsAt(scale), ask.unitsAt(scale)) / 2, scale);
    }

    /** Whether a buyer can trade now: an ask with size (when sizes are known). */
    public boolean hasAsk() {
        return ask != null && (askSize == null || askSize.isPositive());
    }

    /** Whether a seller can trade now: a bid with size (when sizes are known). */
    public boolean hasBid() {
        return bid != null && (bidSize == null || bidSize.isPositive());
    }
}
