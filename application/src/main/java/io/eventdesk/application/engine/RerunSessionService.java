package io.eventdesk.application.engine;

import io.eventdesk.application.usecase.BacktestRequest;
import io.eventdesk.application.usecase.RerunSessionUseCase;
import io.eventdesk.domain.port.MarketDataFeedPort;
import io.eventdesk.domain.port.RunHistoryPort;
import io.eventdesk.domain.run.RunSummary;

/** A finished session's inputs fed again to a fresh {@link TradingDesk} ({@link SessionInputs}), then finished. */
public final class RerunSessionService implements RerunSessionUseCase {
    @Override
    public RunSummary rerun(BacktestRequest request, RunHistoryPort session, MarketDataFeedPort files) {
        TradingDesk desk = new TradingDesk(request);
        try {
            SessionInputs.feed(desk, session, files, desk::onReceivedSignal);
            return desk.finish();
        } catch (RuntimeException e) {
            desk.fail(e);
            throw e;
        }
    }
}
