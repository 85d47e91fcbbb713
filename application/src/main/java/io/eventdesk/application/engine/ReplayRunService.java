package io.eventdesk.application.engine;

import io.eventdesk.application.usecase.ReplayRunUseCase;
import io.eventdesk.domain.event.Event;
import io.eventdesk.domain.event.MarketEvent;
import io.eventdesk.domain.port.MarketDataFeedPort;
import io.eventdesk.domain.port.RunHistoryPort;
import java.util.function.Consumer;

/** The replay of a finished run's events: stored ones in sequence order, market events read again at their places. */
public final class ReplayRunService implements ReplayRunUseCase {
    @Override
    public void replay(RunHistoryPort history, MarketDataFeedPort feed, Consumer<Event> sink) {
        JournaledMarketData data = new JournaledMarketData(feed);
        try {
            history.replay(new RunHistoryPort.Listener() {
                @Override
                public void marketEvent(long sequence) {
                    sink.accept(MarketEvent.of(sequence, data.next()));
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
