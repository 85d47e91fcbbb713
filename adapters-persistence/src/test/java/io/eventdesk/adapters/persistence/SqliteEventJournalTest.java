package io.eventdesk.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventdesk.domain.event.Event;
import io.eventdesk.domain.port.EventJournalPort;
import io.eventdesk.domain.port.JournalReceipt;
import io.eventdesk.domain.testing.SampleEvents;
import io.eventdesk.testkit.EventJournalContract;
import java.nio.file.Path;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteEventJournalTest extends EventJournalContract {
    @TempDir
    Path dir;

    private Path file(String runId) {
        return dir.resolve(runId + ".db");
    }

    @Override
    protected EventJournalPort newJournal(String runId) {
        return EventJournals.sqlite(file(runId), runId);
    }

    @Override
    protected List<Long> storedSequences(String runId) {
        return new JournalReader("jdbc:sqlite:" + file(runId), runId).sequences();
    }

    @Test
    void shouldReproduceTheDigestFromWhatIsStored_whenReadBack() {
        List<Event> events = SampleEvents.run(100);
        EventJournalPort journal = newJournal("readback");
        events.forEach(journal::append);
        JournalReceipt receipt = journal.finish();
        assertThat(new JournalReader("jdbc:sqlite:" + file("readback"), "readback").digest())
                .isEqualTo(receipt.digest());
        long marketEvents = Jdbi.create("jdbc:sqlite:" + file("readback"))
                .withHandle(h -> h.createQuery("SELECT market_events FROM journal_run WHERE run_id = 'readback'")
                        .mapTo(Long.class)
                        .one());
        assertThat(marketEvents).isEqualTo(100);
    }

    @Test
    void shouldCommitContiguousBlocks_whenARunHoldsMoreRecordsThanABlock() {
        List<Event> events = SampleEvents.run(5000);
        EventJournalPort journal = EventJournals.jdbc(
                "jdbc:sqlite:" + file("blocks"), RunRegistration.backtest("blocks"), 1000, JournalDurability.MACHINE);
        events.forEach(journal::append);
        journal.finish();
        List<java.util.Map<String, Object>> blocks = Jdbi.create("jdbc:sqlite:" + file("blocks"))
                .withHandle(h -> h.createQuery("SELECT first_sequence, last_sequence, stored_events + marks AS records"
                                + " FROM journal_block WHERE run_id = 'blocks' ORDER BY first_sequence")
                        .mapToMap()
                        .list());
        assertThat(blocks).hasSizeGreaterThan(5);
        long expected = 1;
        for (var b : blocks) {
            assertThat(((Number) b.get("first_sequence")).longValue()).isEqualTo(expected);
            assertThat(((Number) b.get("records")).longValue()).isLessThanOrEqualTo(1000);
            expected = ((Number) b.get("last_sequence")).longValue() + 1;
        }
        assertThat(expected - 1).isEqualTo(events.size());
    }

    @Test
    void shouldWriteValuesAsPlainDecimals_whenAFillIsStored() {
        List<Event> events = SampleEvents.run(10);
        EventJournalPort journal = newJournal("plain");
        events.forEach(journal::append);
        journal.finish();
        String payload = Jdbi.create("jdbc:sqlite:" + file("plain"))
                .withHandle(h -> h.createQuery("SELECT payload FROM journal_events WHERE type = 'OrderFilled'")
                        .mapTo(String.class)
                        .first());
        assertThat(payload)
                .contains("\"price\":100.25")
                .contains("\"fee\":{\"amount\":0.5,\"currency\":\"USD\"}")
                .contains("\"orderId\":\"O-4\"")
                .contains("\"time\":\"2024-01-02T00:04:00Z\"");
    }
}
