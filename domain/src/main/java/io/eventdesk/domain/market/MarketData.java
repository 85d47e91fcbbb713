package io.eventdesk.domain.market;

import io.eventdesk.domain.instrument.InstrumentId;
import java.time.Instant;

/**
 * One piece of market data as a feed delivers it. {@link #knownTime()} is when it becomes known (a bar at its
 * close); nothing may act on it before that time.
 */
public sealed interface MarketData permits Bar, Trade, Quote, QuoteBar, BookUpdate {
    InstrumentId instrument();

    /** When it becomes known (a bar at its close, a tick at its time): nothing may act on it before. */
    Instant knownTime();

    /**
     * When it starts to trade: a bar's open (orders that arrived by then meet it on its path), a tick's own time.
     * The one definition of when a piece of market data opens; {@link #knownTime()} of when it becomes known.
     */
    Instant openTime();
}
