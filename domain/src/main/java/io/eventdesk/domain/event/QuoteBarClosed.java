package io.eventdesk.domain.event;

import io.eventdesk.domain.instrument.InstrumentId;
import io.eventdesk.domain.market.QuoteBar;
import java.time.Instant;

/** A bid/ask bar pair became known: its time is the bars' close. */
public record QuoteBarClosed(long sequence, QuoteBar bar) implements MarketEvent {
    @Override
    public Instant time() {
        return bar.closeTime();
    }

    @Override
    public InstrumentId instrument() {
        return bar.instrument();
    }

    @Override
    public io.eventdesk.domain.market.MarketData data() {
        return bar;
    }
}
