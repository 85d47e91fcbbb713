package io.eventdesk.application.usecase;

import io.eventdesk.domain.event.Event;
import io.eventdesk.domain.port.MarketDataFeedPort;
import io.eventdesk.domain.port.RunHistoryPort;
import java.util.function.Consumer;

/**
 * Replays a finished run's events for its results, from its journal and its market data files: the stored events,
 * with the market events put back at the sequence numbers the run gave them (the journal keeps market data by
 * digest, not row by row). What it feeds {@code sink} is what the run's results saw as it ran, so an older run gets
 * the same round trips, statistics and report a new one writes.
 */
public interface ReplayRunUseCase {
    void replay(RunHistoryPort history, MarketDataFeedPort feed, Consumer<Event> sink);
}
