package io.eventdesk.application.engine;

import io.eventdesk.application.usecase.BacktestRequest;
import io.eventdesk.application.usecase.RunBacktestUseCase;
import io.eventdesk.domain.run.RunSummary;

/** The backtest use case: one engine per run. */
public final class RunBacktestService implements RunBacktestUseCase {
    @Override
    public RunSummary run(BacktestRequest request) {
        if (request.strategies().isEmpty() && request.signalFeeds().isEmpty()) {
            // a session takes its signals from outside as it runs; a batch run must be given them
            throw new IllegalArgumentException("a backtest needs at least one strategy or signal feed");
        }
        return new BacktestEngine(request).run();
    }
}
