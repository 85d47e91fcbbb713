package io.eventdesk.domain.event;

import io.eventdesk.domain.instrument.InstrumentId;
import io.eventdesk.domain.market.Trade;
import java.time.Instant;

/** A trade on the market became known. */
public record TradePrinted(long sequence, Trade trade) implements MarketEvent {
    @Override
    public Instant time() {
        return trade.time();
    }

    @Override
    public InstrumentId instrument() {
        return trade.instrument();
    }

    @Override
    public io.eventdesk.domain.market.MarketData data() {
        return trade;
    }
}
