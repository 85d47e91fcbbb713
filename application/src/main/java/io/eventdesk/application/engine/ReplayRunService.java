package io.eventdesk.application.engine;

import io.eventdesk.application.usecase.ReplayRunUseCase;
import io.eventdesk.domain.error.BadInputException;
import io.eventdesk.domain.event.Event;
import io.eventdesk.domain.event.MarketEvent;
import io.eventdesk.domain.port.MarketDataFeedPort;
import io.eventdesk.domain.port.RunHistoryPort;
import java.util.function.Consumer;

/** The replay of a finished run's events: stored ones in sequence order, market events read again at their places. */
public final class ReplayRunService implements ReplayRunUseCase {
    @Override
    public void replay(RunHistoryPort history, MarketDataFeedPort feed, Consumer<Event> sink) {
        long[] seen = {0};
        try {
            history.replay(new RunHistoryPort.Listener() {
                @Override
                public void marketEvent(long sequence) {
                    if (!feed.hasNext()) {
                        throw new BadInputException(
                                feed.description(),
                                0,
                                null,
                                "the journal has more market events than the " + seen[0]
                                        + " of the data: it is not the data of this run");
                    }
                    seen[0]++;
                    sink.accept(MarketEvent.of(sequence, feed.next()));
                }

                @Override
                public void stored(Event event) {
                    sink.accept(event);
                }
            });
        } finally {
            feed.close();
        }
    }
}
