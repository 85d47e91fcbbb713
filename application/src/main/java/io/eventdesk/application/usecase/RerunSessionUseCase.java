package io.eventdesk.application.usecase;

import io.eventdesk.domain.port.MarketDataFeedPort;
import io.eventdesk.domain.port.RunHistoryPort;
import io.eventdesk.domain.run.RunSummary;

/**
 * Re-runs a finished session through a fresh desk: its journaled inputs (signals, operator commands) and its market
 * data (read again from the files, at the places the journal gave it), in journal order, at their stamped times.
 * The desk is deterministic, so the re-run publishes the session's events again, sequence for sequence: the same
 * decisions and the same journal digest.
 */
public interface RerunSessionUseCase {
    /**
     * @param request the desk as the session's config builds it, with a journal of its own for the re-run
     * @throws IllegalStateException naming the first sequence where the re-run left the session's path
     */
    RunSummary rerun(BacktestRequest request, RunHistoryPort session, MarketDataFeedPort files);
}
