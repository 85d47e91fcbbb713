package io.eventdesk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventdesk.domain.event.BarClosed;
import io.eventdesk.domain.event.Event;
import io.eventdesk.domain.event.MarketEvent;
import io.eventdesk.domain.port.EventJournalPort;
import io.eventdesk.domain.port.JournalReceipt;
import io.eventdesk.domain.testing.SampleEvents;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every {@link EventJournalPort} adapter must do. A journal author extends this class and returns a new,
 * empty journal (its own store) from each {@link #newJournal} call. Market events may be referenced by digest
 * rather than stored: the contract counts them in the receipt and expects every other event stored.
 */
public abstract class EventJournalContract {
    protected abstract EventJournalPort newJournal(String runId);

    /** The sequences of the events (market events aside) the store holds for {@code runId}, in stored order. */
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
        assertThat(storedSequences("contract-order")).containsExactlyElementsOf(stored(events));
    }

    private static List<Long> stored(List<Event> events) {
        return events.stream()
                .filter(e -> !(e instanceof MarketEvent))
                .map(Event::sequence)
                .toList();
    }

    @Test
    void shouldGiveAnotherDigest_whenOnlyMarketDataDiffers() {
        List<Event> events = SampleEvents.run(50);
        List<Event> changed = new java.util.ArrayList<>(events);
        for (int i = 0; i < changed.size(); i++) {
            if (changed.get(i) instanceof BarClosed b) {
                var bar = b.bar();
                changed.set(
                        i,
                        new BarClosed(
                                b.sequence(),
                                new io.eventdesk.domain.market.Bar(
                                        bar.instrument(),
                                        bar.openTime(),
                                        bar.closeTime(),
                                        bar.open(),
                                        bar.high(),
                                        bar.low(),
                                        bar.close(),
                                        io.eventdesk.domain.value.Quantity.of(7))));
                break;
            }
        }
        assertThat(journalAll("contract-e", events).digest())
                .isNotEqualTo(journalAll("contract-f", changed).digest());
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
        assertThat(storedSequences("contract-flush")).containsExactlyElementsOf(stored(events));
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
