package io.eventdesk.domain.event;

import io.eventdesk.domain.instrument.InstrumentId;

/** Market data entering the run. */
public sealed interface MarketEvent extends Event
        permits BarClosed, TradePrinted, QuoteUpdated, QuoteBarClosed, BookUpdated {
    InstrumentId instrument();

    /** The piece of market data the event reports. */
    io.eventdesk.domain.market.MarketData data();

    /** The event that reports {@code data} at {@code sequence}: the one mapping of market data to its events. */
    static MarketEvent of(long sequence, io.eventdesk.domain.market.MarketData data) {
        if (data instanceof io.eventdesk.domain.market.Bar bar) {
            return new BarClosed(sequence, bar);
        } else if (data instanceof io.eventdesk.domain.market.Trade trade) {
            return new TradePrinted(sequence, trade);
        } else if (data instanceof io.eventdesk.domain.market.Quote quote) {
            return new QuoteUpdated(sequence, quote);
        } else if (data instanceof io.eventdesk.domain.market.QuoteBar quoteBar) {
            return new QuoteBarClosed(sequence, quoteBar);
        }
        return new BookUpdated(sequence, (io.eventdesk.domain.market.BookUpdate) data);
    }
}
