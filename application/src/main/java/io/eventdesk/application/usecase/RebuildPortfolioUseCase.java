package io.eventdesk.application.usecase;

import io.eventdesk.domain.instrument.Instrument;
import io.eventdesk.domain.port.MarketDataFeedPort;
import io.eventdesk.domain.port.RunHistoryPort;
import io.eventdesk.domain.portfolio.AccountSettings;
import io.eventdesk.domain.portfolio.Portfolio;
import io.eventdesk.domain.portfolio.SessionSchedule;
import java.util.List;

/**
 * Rebuilds a finished run's portfolio from its journal: the journaled fills and the marks of the same market data,
 * in the run's order, applied to an empty portfolio with the run's account and sessions. The result must equal the
 * live run's portfolio in every figure.
 */
public interface RebuildPortfolioUseCase {
    /** What the rebuild reads. */
    record RebuildRequest(
            AccountSettings account,
            List<Instrument> instruments,
            SessionSchedule sessions,
            RunHistoryPort history,
            MarketDataFeedPort marketData) {}

    Portfolio rebuild(RebuildRequest request);
}
