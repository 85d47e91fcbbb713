package io.eventdesk.domain.port;

import io.eventdesk.domain.event.Event;

/**
 * The append-only record of a run: every event, in sequence order. Appending must not block the engine on
 * I/O; {@link #flush()}, {@link #finish()} and {@link #close()} wait until everything appended is durable.
 */
public interface EventJournalPort extends AutoCloseable {
    void append(Event event);

    /**
     * The highest sequence number up to which every appended event is durable (committed), for outputs that must
     * never run ahead of the journal; {@link Long#MAX_VALUE} when there is nothing to be in step with.
     */
    default long durableThrough() {
        return Long.MAX_VALUE;
    }

    /** Waits until every event appended so far is durable. */
    void flush();

    /** Flushes and closes; returns the count and digest of what was journaled. */
    JournalReceipt finish();

    /** Flushes what was appended and releases the store (also after a failure). Idempotent. */
    @Override
    void close();
}
