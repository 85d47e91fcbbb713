package io.eventdesk.application.usecase;

import io.eventdesk.application.engine.BacktestEngine;
import io.eventdesk.application.engine.BacktestRequest;
import io.eventdesk.domain.run.RunSummary;

/** The backtest use case: one engine per run. */
public final class RunBacktestService implements RunBacktestUseCase {
    @Override
    public RunSummary run(BacktestRequest request) {
        return new BacktestEngine(request).run();
    }
}
