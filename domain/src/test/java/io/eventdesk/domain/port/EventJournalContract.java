package io.eventdesk.domain.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventdesk.domain.event.Event;
import io.eventdesk.domain.testing.SampleEvents;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every {@link EventJournalPort} adapter must do. A journal author extends this class and returns a new,
 * empty journal (its own store) from each {@link #newJournal} call.
 */
public abstract class EventJournalContract {
    protected abstract EventJournalPort newJournal(String runId);

    /** The sequences of the events the store holds for {@code runId}, in stored order. */
    protected abstract List<Long> storedSequences(String runId);

    private JournalReceipt journalAll(String runId, List<Event> events) {
        EventJournalPort journal = newJournal(runId);
        events.forEach(journal::append);
        return journal.finish();
    }

    @Test
    void shouldStoreEveryEventInSequenceOrder_whenFinished() {
        List<Event> events = SampleEvents.run(200);
        JournalReceipt receipt = journalAll("contract-order", events);
        assertThat(receipt.events()).isEqualTo(events.size());
        assertThat(storedSequences("contract-order"))
                .containsExactlyElementsOf(events.stream().map(Event::sequence).toList());
    }

    @Test
    void shouldGiveTheSameDigest_whenTheSameEventsAreJournaledTwice() {
        List<Event> events = SampleEvents.run(50);
        assertThat(journalAll("contract-a", events).digest())
                .isEqualTo(journalAll("contract-b", events).digest())
                .matches("[0-9a-f]{64}");
    }

    @Test
    void shouldGiveAnotherDigest_whenOneEventDiffers() {
        assertThat(journalAll("contract-c", SampleEvents.run(50)).digest())
                .isNotEqualTo(journalAll("contract-d", SampleEvents.run(51)).digest());
    }

    @Test
    void shouldHaveWrittenEverything_whenFlushReturns() {
        EventJournalPort journal = newJournal("contract-flush");
        List<Event> events = SampleEvents.run(20);
        events.forEach(journal::append);
        journal.flush();
        assertThat(storedSequences("contract-flush")).hasSize(events.size());
        journal.close();
    }

    @Test
    void shouldKeepWhatWasAppended_whenClosedAfterAFailure() {
        EventJournalPort journal = newJournal("contract-close");
        SampleEvents.run(5).forEach(journal::append);
        journal.close();
        journal.close();
        assertThat(storedSequences("contract-close")).isNotEmpty();
        assertThatThrownBy(() -> journal.append(SampleEvents.run(1).get(0))).isInstanceOf(IllegalStateException.class);
    }
}
