package io.eventdesk.adapters.http;

import io.eventdesk.application.usecase.CancelOrderUseCase;
import io.eventdesk.application.usecase.ChangeTradingStateUseCase;
import io.eventdesk.application.usecase.FollowJournalUseCase;
import io.eventdesk.application.usecase.IngestSignalUseCase;
import io.eventdesk.application.usecase.QueryDeskUseCase;
import io.eventdesk.domain.port.LiveMarketDataPort;
import java.util.function.Supplier;

/**
 * The desk's use cases the API calls, and how its market data source is doing (for health).
 *
 * @param failure why the desk stopped, or null while it runs
 * @param sharedStore where the shared trading state is, or null when the desk's state is its own
 * @param sharedProblem why the shared state cannot be reached, or null
 * @param notCounted the desk's other processes whose daily PnL this one cannot value (no rate), each with why
 */
public record DeskApi(
        IngestSignalUseCase signals,
        ChangeTradingStateUseCase tradingState,
        QueryDeskUseCase query,
        CancelOrderUseCase cancels,
        FollowJournalUseCase journal,
        Supplier<LiveMarketDataPort.Status> feed,
        Supplier<RuntimeException> failure,
        Supplier<String> sharedStore,
        Supplier<String> sharedProblem,
        Supplier<java.util.List<String>> notCounted) {}
