package io.eventdesk.domain.market;

import io.eventdesk.domain.instrument.InstrumentId;
import java.time.Instant;

/**
 * One piece of market data as a feed delivers it. {@link #knownTime()} is when it becomes known (a bar at its
 * close); nothing may act on it before that time.
 */
public sealed interface MarketData permits Bar, Trade, Quote, QuoteBar, BookUpdate {
    InstrumentId instrument();

    Instant knownTime();
}
