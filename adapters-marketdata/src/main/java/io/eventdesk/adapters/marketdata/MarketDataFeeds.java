package io.eventdesk.adapters.marketdata;

import io.eventdesk.domain.market.MarketData;
import io.eventdesk.domain.port.MarketDataFeedPort;
import java.util.ArrayList;
import java.util.List;

/** The entry point of the market data adapter. */
public final class MarketDataFeeds {
    private MarketDataFeeds() {}

    /**
     * One time-ordered feed over several bar files: bars are merged by the time they become known (their close);
     * ties are broken by the order of {@code sources}, then by file order. Files are streamed: memory does not grow
     * with their size.
     */
    public static MarketDataFeedPort bars(List<BarSource> sources) {
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("at least one bar source is needed");
        }
        List<CsvBarReader> readers = new ArrayList<>(sources.size());
        try {
            for (BarSource source : sources) {
                readers.add(new CsvBarReader(source));
            }
        } catch (RuntimeException e) {
            readers.forEach(CsvBarReader::close);
            throw e;
        }
        return new MergedFeed(readers);
    }

    /**
     * A feed over market data already in memory (tests, benchmarks, data produced by another system), which must
     * be in non-decreasing known-time order.
     */
    public static MarketDataFeedPort inMemory(List<? extends MarketData> data, String description) {
        return new InMemoryFeed(data, description);
    }
}
