package io.eventdesk.adapters.marketdata;

import java.util.Locale;

/** What a data file holds. */
public enum DataKind {
    /** OHLC bars, optional volume */
    BARS,
    /** trades: price, size, optional aggressor side */
    TRADES,
    /** best bid and ask, optional sizes */
    QUOTES,
    /** a bid-bar file and an ask-bar file combined into one stream of bid/ask bars */
    QUOTE_BARS,
    /** level-2 order book snapshots and updates */
    BOOK;

    /** The config spelling: {@code bars}, {@code trades}, {@code quotes}, {@code quote-bars}, {@code book}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
