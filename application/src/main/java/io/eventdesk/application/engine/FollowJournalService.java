package io.eventdesk.application.engine;

import io.eventdesk.application.usecase.FollowJournalUseCase;
import io.eventdesk.domain.port.JournalTailPort;
import io.eventdesk.domain.port.JournalTailPort.JournaledEvent;
import java.util.List;

/** A session's journal followed through its store: what is committed is what a follower sees. */
public final class FollowJournalService implements FollowJournalUseCase {
    private final JournalTailPort tail;

    public FollowJournalService(JournalTailPort tail) {
        this.tail = tail;
    }

    @Override
    public List<JournaledEvent> eventsSince(long sequence, int limit) {
        return tail.since(sequence, limit);
    }
}
