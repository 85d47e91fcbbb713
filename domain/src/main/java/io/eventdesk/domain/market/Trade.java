package io.eventdesk.domain.market;

import io.eventdesk.domain.instrument.InstrumentId;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import io.eventdesk.domain.value.Side;
import java.time.Instant;

/**
 * One trade printed on the market, known at {@code time}.
 *
 * @param size the traded quantity
 * @param aggressor the side that crossed the spread, or {@code null} when the source does not say
 */
public record Trade(InstrumentId instrument, Instant time, Price price, Quantity size, Side aggressor)
        implements MarketData {

    public Trade {
        if (instrument == null || time == null || price == null || size == null) {
            throw new IllegalArgumentException("a trade needs an instrument, a time, a price and a size");
        }
        if (!price.isPositive()) {
            throw new IllegalArgumentException("trade price must be positive, got " + price);
        }
        if (!size.isPositive()) {
            throw new IllegalArgumentException("trade size must be positive, got " + size);
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
}
