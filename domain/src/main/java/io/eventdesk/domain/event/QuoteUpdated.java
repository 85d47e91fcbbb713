package io.eventdesk.domain.event;

import io.eventdesk.domain.instrument.InstrumentId;
import io.eventdesk.domain.market.Quote;
import java.time.Instant;

/** The best bid and ask changed. */
public record QuoteUpdated(long sequence, Quote quote) implements MarketEvent {
    @Override
    public Instant time() {
        return quote.time();
    }

    @Override
    public InstrumentId instrument() {
        return quote.instrument();
    }

    @Override
    public io.eventdesk.domain.market.MarketData data() {
        return quote;
    }
}
