package io.eventdesk.domain.port;

import java.util.List;

/**
 * The stored events of a running session's journal as they are committed, in the journal's own JSON: what a
 * client following the session reads. Market events and marks are not among them (the journal keeps them by digest
 * and packed).
 */
public interface JournalTailPort {
    /** The committed stored events with a sequence above {@code after}, in order, at most {@code limit}. */
    List<JournaledEvent> since(long after, int limit);

    /**
     * @param json the event's canonical JSON, as the journal stores it
     */
    record JournaledEvent(long sequence, String type, String json) {}
}
