package io.eventdesk.application.engine;

import io.eventdesk.domain.error.BadInputException;
import io.eventdesk.domain.market.MarketData;
import io.eventdesk.domain.port.MarketDataFeedPort;

/**
 * The market data read again at the places a run's journal gave its market events (replay, rebuild): the next
 * record of the files, or bad input when the journal has more market events than the files.
 */
final class JournaledMarketData {
    private final MarketDataFeedPort feed;
    private long seen;

    JournaledMarketData(MarketDataFeedPort feed) {
        this.feed = feed;
    }

    /** The data of the journal's next market event. */
    MarketData next() {
        if (!feed.hasNext()) {
            throw new BadInputException(
                    feed.description(),
                    0,
                    null,
                    "the journal has more market events than the " + seen
                            + " of the data: it is not the data of this run");
        }
        seen++;
        return feed.next();
    }

    /** After the journal's last market event: the files must hold no more. */
    void requireEnd() {
        if (feed.hasNext()) {
            throw new BadInputException(
                    feed.description(), 0, null, "the data has more market events than the journal recorded");
        }
    }
}
