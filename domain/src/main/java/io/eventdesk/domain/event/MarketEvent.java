package io.eventdesk.domain.event;

import io.eventdesk.domain.instrument.InstrumentId;

/** Market data entering the run. */
public sealed interface MarketEvent extends Event
        permits BarClosed, TradePrinted, QuoteUpdated, QuoteBarClosed, BookUpdated {
    InstrumentId instrument();

    /** The piece of market data the event reports. */
    io.eventdesk.domain.market.MarketData data();
}
