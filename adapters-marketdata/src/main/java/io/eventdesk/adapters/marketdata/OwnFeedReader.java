package io.eventdesk.adapters.marketdata;

import io.eventdesk.domain.error.BadInputException;
import io.eventdesk.domain.error.StrategyFailure;
import io.eventdesk.domain.instrument.InstrumentId;
import io.eventdesk.domain.market.MarketData;
import io.eventdesk.domain.port.MarketDataFeedPort;
import java.time.Instant;

/**
 * A feed of the user's own read as one more source of the merge, checked as files are: every record about the
 * instrument it was configured for, in non-decreasing known time. A record that breaks either is bad input naming
 * the feed ({@code name}, its config key), the record's number and what was expected.
 */
final class OwnFeedReader implements RecordReader {
    private final MarketDataFeedPort feed;
    private final InstrumentId instrument;
    private final String name;
    private Instant last = Instant.MIN;
    private long count;

    OwnFeedReader(MarketDataFeedPort feed, InstrumentId instrument, String name) {
        this.feed = feed;
        this.instrument = instrument;
        this.name = name;
    }

    @Override
    public boolean hasNext() {
        try {
            return feed.hasNext();
        } catch (BadInputException e) {
            throw e;
        } catch (RuntimeException e) {
            throw failed(e);
        }
    }

    /** A feed that throws is one line naming it and what it threw, not a stack trace. */
    private BadInputException failed(RuntimeException e) {
        return new BadInputException(
                name,
                0,
                null,
                "the feed failed after " + count + " records: it threw " + StrategyFailure.describe(e),
                e);
    }

    @Override
    public MarketData next() {
        MarketData d;
        try {
            d = feed.next();
        } catch (BadInputException e) {
            throw e;
        } catch (RuntimeException e) {
            throw failed(e);
        }
        count++;
        if (d == null) {
            throw new BadInputException(name, 0, null, "record " + count + " is null");
        }
        if (!d.instrument().equals(instrument)) {
            throw new BadInputException(
                    name,
                    0,
                    null,
                    "record " + count + " is about " + d.instrument() + "; this feed is for " + instrument);
        }
        if (d.knownTime().isBefore(last)) {
            throw new BadInputException(
                    name,
                    0,
                    null,
                    "record " + count + " is known at " + d.knownTime() + ", before the one before it (" + last
                            + "): a feed must be in time order");
        }
        last = d.knownTime();
        return d;
    }

    @Override
    public String file() {
        return name + " (" + feed.description() + ")";
    }

    @Override
    public void close() {
        feed.close();
    }
}
