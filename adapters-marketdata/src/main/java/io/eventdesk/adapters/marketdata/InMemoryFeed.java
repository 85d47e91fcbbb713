package io.eventdesk.adapters.marketdata;

import io.eventdesk.domain.market.MarketData;
import io.eventdesk.domain.port.MarketDataFeedPort;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;

/** A feed over market data already in memory, checked to be in known-time order as it is handed out. */
final class InMemoryFeed implements MarketDataFeedPort {
    private final List<? extends MarketData> data;
    private final String description;
    private int next;
    private Instant last = Instant.MIN;

    InMemoryFeed(List<? extends MarketData> data, String description) {
        this.data = data;
        this.description = description;
    }

    @Override
    public boolean hasNext() {
        return next < data.size();
    }

    @Override
    public MarketData next() {
        if (next >= data.size()) {
            throw new NoSuchElementException("the feed is exhausted");
        }
        MarketData d = data.get(next++);
        if (d.knownTime().isBefore(last)) {
            throw new IllegalArgumentException(description + ": item " + next + " at " + d.knownTime()
                    + " comes before the previous one at " + last);
        }
        last = d.knownTime();
        return d;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public void close() {}
}
