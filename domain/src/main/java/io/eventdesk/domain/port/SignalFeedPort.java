package io.eventdesk.domain.port;

import io.eventdesk.domain.signal.ExternalSignal;

/**
 * Signals from outside the desk, in non-decreasing time order. Bad input surfaces as
 * {@link io.eventdesk.domain.error.BadInputException} naming file, line and field.
 */
public interface SignalFeedPort extends AutoCloseable {
    boolean hasNext();

    ExternalSignal next();

    /** What the feed reads, for the journal and messages. */
    String description();

    @Override
    void close();
}
