package io.eventdesk.domain.port;

import io.eventdesk.domain.event.Event;
import io.eventdesk.domain.run.RunSummary;

/** The human- and tool-readable outputs of a run (CSV, JSON), fed the same events as the journal. */
public interface RunArtifactsPort extends AutoCloseable {
    void record(Event event);

    /** Writes the summary and closes every output. */
    void finish(RunSummary summary);

    /** Closes every output without a summary (a failed run); what was written stays. Idempotent. */
    @Override
    void close();
}
