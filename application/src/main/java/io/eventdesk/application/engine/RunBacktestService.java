package io.eventdesk.application.engine;

import io.eventdesk.application.usecase.BacktestRequest;
import io.eventdesk.application.usecase.RunBacktestUseCase;
import io.eventdesk.domain.run.RunSummary;

/** The backtest use case: one engine per run. */
public final class RunBacktestService implements RunBacktestUseCase {
    @Override
    public RunSummary run(BacktestRequest request) {
        return new BacktestEngine(request).run();
    }
}
