package io.eventdesk.domain.port;

import io.eventdesk.domain.market.MarketData;

/**
 * A stream of market data in non-decreasing {@link MarketData#knownTime()} order (ties in a stable, documented
 * order). Bad input surfaces as {@link io.eventdesk.domain.error.BadInputException} naming file, line and field.
 */
public interface MarketDataFeedPort extends AutoCloseable {
    boolean hasNext();

    MarketData next();

    /** What the feed reads, for the journal and messages (e.g. the files and a digest of their bytes). */
    String description();

    @Override
    void close();
}
