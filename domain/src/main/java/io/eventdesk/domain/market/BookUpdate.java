package io.eventdesk.domain.market;

import io.eventdesk.domain.instrument.InstrumentId;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import java.time.Instant;
import java.util.List;

/**
 * One message of a level-2 order book: a snapshot (the whole book, replacing what was known) or a set of level
 * updates (a size of zero removes the level). Known at {@code time}.
 *
 * @param updateId the source's sequence number of the message (e.g. an exchange's last update id), for ordering
 *     and gap checks; 0 when the source has none
 */
public record BookUpdate(
        InstrumentId instrument, Instant time, long updateId, boolean snapshot, List<Level> bids, List<Level> asks)
        implements MarketData {

    /** A price level: the size resting at a price; zero in an update removes it. */
    public record Level(Price price, Quantity size) {
        public Level {
            if (price == null || !price.isPositive()) {
                throw new IllegalArgumentException("a book level needs a positive price, got " + price);
            }
            if (size == null || size.isNegative()) {
                throw new IllegalArgumentException("a book level's size must not be negative, got " + size);
            }
        }
    }

    public BookUpdate {
        if (instrument == null || time == null) {
            throw new IllegalArgumentException("a book update needs an instrument and a time");
        }
        bids = List.copyOf(bids);
        asks = List.copyOf(asks);
        if (bids.isEmpty() && asks.isEmpty()) {
            throw new IllegalArgumentException("a book update needs at least one level");
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
