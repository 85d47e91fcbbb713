package io.eventdesk.domain.event;

import io.eventdesk.domain.instrument.InstrumentId;
import io.eventdesk.domain.market.BookUpdate;
import java.time.Instant;

/** A message of the level-2 book arrived. */
public record BookUpdated(long sequence, BookUpdate update) implements MarketEvent {
    @Override
    public Instant time() {
        return update.time();
    }

    @Override
    public InstrumentId instrument() {
        return update.instrument();
    }

    @Override
    public io.eventdesk.domain.market.MarketData data() {
        return update;
    }
}
