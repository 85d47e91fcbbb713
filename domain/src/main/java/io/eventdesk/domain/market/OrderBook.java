package io.eventdesk.domain.market;

import io.eventdesk.domain.instrument.InstrumentId;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import java.util.Collections;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;

/** A level-2 book rebuilt from {@link BookUpdate}s: price levels per side, best first. */
public final class OrderBook {
    private final InstrumentId instrument;
    private final TreeMap<Price, Quantity> bids = new TreeMap<>(Comparator.reverseOrder());
    private final TreeMap<Price, Quantity> asks = new TreeMap<>();

    public OrderBook(InstrumentId instrument) {
        this.instrument = instrument;
    }

    /** Applies a snapshot (replacing the book) or level updates (size zero removes a level). */
    public void apply(BookUpdate update) {
        if (!update.instrument().equals(instrument)) {
            throw new IllegalArgumentException("a book of " + instrument + " got an update of " + update.instrument());
        }
        if (update.snapshot()) {
            bids.clear();
            asks.clear();
        }
        for (BookUpdate.Level l : update.bids()) {
            set(bids, l);
        }
        for (BookUpdate.Level l : update.asks()) {
            set(asks, l);
        }
    }

    private static void set(TreeMap<Price, Quantity> side, BookUpdate.Level level) {
        if (level.size().isZero()) {
            side.remove(level.price());
        } else {
            side.put(level.price(), level.size());
        }
    }

    /** The best bid and ask with their sizes, at {@code update}'s time; null when both sides are empty. */
    public Quote top(java.time.Instant time) {
        Map.Entry<Price, Quantity> bid = bids.firstEntry();
        Map.Entry<Price, Quantity> ask = asks.firstEntry();
        if (bid == null && ask == null) {
            return null;
        }
        if (bid != null && ask != null && bid.getKey().isAbove(ask.getKey())) {
            throw new IllegalStateException("the book of " + instrument + " is crossed: bid " + bid.getKey()
                    + " above ask " + ask.getKey() + " at " + time);
        }
        return new Quote(
                instrument,
                time,
                bid == null ? null : bid.getKey(),
                ask == null ? null : ask.getKey(),
                bid == null ? null : bid.getValue(),
                ask == null ? null : ask.getValue());
    }

    public Map<Price, Quantity> bids() {
        return Collections.unmodifiableMap(bids);
    }

    public Map<Price, Quantity> asks() {
        return Collections.unmodifiableMap(asks);
    }
}
