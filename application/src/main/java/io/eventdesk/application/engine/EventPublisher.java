package io.eventdesk.application.engine;

import io.eventdesk.domain.event.Event;
import io.eventdesk.domain.port.EventJournalPort;
import io.eventdesk.domain.port.RunArtifactsPort;

/**
 * Owns the run-wide sequence and hands every event to the journal and the run artifacts, in the order produced: the
 * one place a sequence number is assigned. A caller takes the number with {@link #next()} when it builds the event
 * (an event may need its own number, a signal's decision refers to it) and publishes it at once. The run files
 * follow the journal's commits ({@link RunArtifactsPort#durableThrough}), so they never run ahead of it.
 */
final class EventPublisher {
    private final EventJournalPort journal;
    private final RunArtifactsPort artifacts;
    private long sequence;
    private long durable = -1;
    /** who sees every event as it is published, beside the journal (a session's decisions); none by default */
    private java.util.function.Consumer<Event> observer = e -> {};

    EventPublisher(EventJournalPort journal, RunArtifactsPort artifacts) {
        this.journal = journal;
        this.artifacts = artifacts;
    }

    /** The last sequence number given out. */
    long last() {
        return sequence;
    }

    /** The next sequence number. */
    long next() {
        return ++sequence;
    }

    /** Shows every event published from now on to {@code observer} too, after the journal has it. */
    void observe(java.util.function.Consumer<Event> observer) {
        this.observer = observer;
    }

    void publish(Event event) {
        journal.append(event);
        artifacts.record(event);
        observer.accept(event);
        long durable = journal.durableThrough();
        if (durable != this.durable) {
            this.durable = durable;
            artifacts.durableThrough(durable);
        }
    }
}
