package io.eventdesk.application.usecase;

import io.eventdesk.domain.port.JournalTailPort.JournaledEvent;
import java.util.List;

/** Follows a running session's journal: the events committed after a sequence number, in order. */
public interface FollowJournalUseCase {
    List<JournaledEvent> eventsSince(long sequence, int limit);
}
