package io.eventdesk.application.usecase;

import io.eventdesk.domain.run.RunSummary;

/** Replays market data through strategies, risk, the venue and the portfolio, journaling every step. */
public interface RunBacktestUseCase {
    /**
     * Runs the backtest to the end of its data.
     *
     * @throws io.eventdesk.domain.error.BadInputException on unusable input; everything journaled before stays
     */
    RunSummary run(BacktestRequest request);
}
