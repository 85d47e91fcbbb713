package io.eventdesk.application.engine;

import io.eventdesk.application.usecase.ReplayRunUseCase;
import io.eventdesk.domain.error.BadInputException;
import io.eventdesk.domain.event.Event;
import io.eventdesk.domain.event.MarketEvent;
import io.eventdesk.domain.port.MarketDataFeedPort;
import io.eventdesk.domain.port.RunHistoryPort;
import java.util.List;
import java.util.function.Consumer;

/** The replay of a finished run's events: stored ones in sequence order, market events at their gaps. */
public final class ReplayRunService implements ReplayRunUseCase {
    @Override
    public void replay(RunHistoryPort history, MarketDataFeedPort feed, Consumer<Event> sink) {
        long[] market = history.marketEventSequences();
        List<Event> stored = history.resultEvents();
        int m = 0;
        try {
            for (Event e : stored) {
                while (m < market.length && market[m] < e.sequence()) {
                    sink.accept(next(feed, market[m++], market.length));
                }
                sink.accept(e);
            }
            while (m < market.length) {
                sink.accept(next(feed, market[m++], market.length));
            }
        } finally {
            feed.close();
        }
    }

    private static MarketEvent next(MarketDataFeedPort feed, long sequence, int expected) {
        if (!feed.hasNext()) {
            throw new BadInputException(
                    feed.description(),
                    0,
                    null,
                    "the journal has " + expected + " market events, the data fewer: it is not the data of this run");
        }
        return MarketEvent.of(sequence, feed.next());
    }
}
