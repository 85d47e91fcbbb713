package io.eventdesk.domain.port;

import io.eventdesk.domain.event.Event;
import io.eventdesk.domain.run.RunSummary;

/** The human- and tool-readable outputs of a run (CSV, JSON), fed the same events as the journal. */
public interface RunArtifactsPort extends AutoCloseable {
    void record(Event event);

    /**
     * The journal has made every event up to {@code sequence} durable: what was recorded up to it may reach the
     * files. Outputs written before the journal commits could show a crashed run as further along than its journal.
     */
    default void durableThrough(long sequence) {}

    /** Writes the summary and closes every output. */
    void finish(RunSummary summary);

    /** Closes every output without a summary (a failed run); what was written stays. Idempotent. */
    @Override
    void close();
}
