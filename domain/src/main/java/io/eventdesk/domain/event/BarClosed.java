package io.eventdesk.domain.event;

import io.eventdesk.domain.instrument.InstrumentId;
import io.eventdesk.domain.market.Bar;
import java.time.Instant;

/** A bar became known: its time is the bar's close. */
public record BarClosed(long sequence, Bar bar) implements MarketEvent {
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
