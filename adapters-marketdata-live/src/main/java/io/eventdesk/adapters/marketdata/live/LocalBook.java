package io.eventdesk.adapters.marketdata.live;

import io.eventdesk.domain.instrument.InstrumentId;
import io.eventdesk.domain.market.BookUpdate;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/** A level-2 book kept from a snapshot and updates: each level's absolute size; a size of zero removes it. */
final class LocalBook {
    private final NavigableMap<BigDecimal, BookUpdate.Level> bids = new TreeMap<>(Comparator.reverseOrder());
    private final NavigableMap<BigDecimal, BookUpdate.Level> asks = new TreeMap<>();
    private long updateId;

    void reset(List<BookUpdate.Level> bidLevels, List<BookUpdate.Level> askLevels, long id) {
        bids.clear();
        asks.clear();
        apply(bidLevels, askLevels, id);
    }

    void apply(List<BookUpdate.Level> bidLevels, List<BookUpdate.Level> askLevels, long id) {
        put(bids, bidLevels);
        put(asks, askLevels);
        updateId = id;
    }

    private static void put(Map<BigDecimal, BookUpdate.Level> side, List<BookUpdate.Level> levels) {
        for (BookUpdate.Level l : levels) {
            BigDecimal p = l.price().toBigDecimal();
            if (l.size().isZero()) {
                side.remove(p);
            } else {
                side.put(p, l);
            }
        }
    }

    long updateId() {
        return updateId;
    }

    List<BookUpdate.Level> bids() {
        return new ArrayList<>(bids.values());
    }

    List<BookUpdate.Level> asks() {
        return new ArrayList<>(asks.values());
    }

    boolean isEmpty() {
        return bids.isEmpty() && asks.isEmpty();
    }

    /** The whole book as a snapshot message. */
    BookUpdate snapshot(InstrumentId instrument, Instant time) {
        return new BookUpdate(instrument, time, updateId, true, bids(), asks());
    }
}
