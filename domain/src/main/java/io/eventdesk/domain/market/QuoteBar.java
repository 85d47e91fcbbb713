package io.eventdesk.domain.market;

import io.eventdesk.domain.instrument.InstrumentId;
import io.eventdesk.domain.value.Price;
import java.time.Instant;

/**
 * A bid bar and an ask bar over the same interval (FX data often comes so): buyers trade on the ask bar's path,
 * sellers on the bid's. Known at its close.
 */
public record QuoteBar(Bar bid, Bar ask) implements MarketData {
    public QuoteBar {
        if (bid == null || ask == null) {
            throw new IllegalArgumentException("a quote bar needs a bid bar and an ask bar");
        }
        if (!bid.instrument().equals(ask.instrument())
                || !bid.openTime().equals(ask.openTime())
                || !bid.closeTime().equals(ask.closeTime())) {
            throw new IllegalArgumentException("bid bar " + bid.instrument() + " " + bid.openTime() + ".."
                    + bid.closeTime() + " and ask bar " + ask.instrument() + " " + ask.openTime() + ".."
                    + ask.closeTime() + " must cover the same instrument and interval");
        }
    }

    @Override
    public InstrumentId instrument() {
        return bid.instrument();
    }

    @Override
    public Instant openTime() {
        return bid.openTime();
    }

    public Instant closeTime() {
        return bid.closeTime();
    }

    @Override
    public Instant knownTime() {
        return bid.closeTime();
    }

    /** The bar of midpoints (exact, one digit finer than the quotes), for strategies that read bars. */
    public Bar mid() {
        return new Bar(
                instrument(),
                openTime(),
                closeTime(),
                mid(bid.open(), ask.open()),
                mid(bid.high(), ask.high()),
                mid(bid.low(), ask.low()),
                mid(bid.close(), ask.close()),
                bid.volume());
    }

    private static Price mid(Price a, Price b) {
        int scale = Math.max(a.scale(), b.scale()) + 1;
        return new Price(Math.addExact(a.unitsAt(scale), b.unitsAt(scale)) / 2, scale);
    }

    /** The closing quote: bid and ask closes. */
    public Quote closingQuote() {
        return new Quote(instrument(), closeTime(), bid.close(), ask.close(), null, null);
    }
}
