package io.eventdesk.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventdesk.domain.event.Event;
import io.eventdesk.domain.port.EventJournalContract;
import io.eventdesk.domain.port.EventJournalPort;
import io.eventdesk.domain.port.JournalReceipt;
import io.eventdesk.domain.testing.SampleEvents;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
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
        return Jdbi.create("jdbc:sqlite:" + file(runId))
                .withHandle(h -> h.createQuery("SELECT sequence FROM journal_event WHERE run_id = :r ORDER BY rowid")
                        .bind("r", runId)
                        .mapTo(Long.class)
                        .list());
    }

    @Test
    void shouldReproduceTheDigestFromTheStoredRows_whenReadBack() throws Exception {
        List<Event> events = SampleEvents.run(100);
        EventJournalPort journal = newJournal("readback");
        events.forEach(journal::append);
        JournalReceipt receipt = journal.finish();

        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        List<Map<String, Object>> rows = Jdbi.create("jdbc:sqlite:" + file("readback"))
                .withHandle(h -> h.createQuery("SELECT type, payload FROM journal_event ORDER BY sequence")
                        .mapToMap()
                        .list());
        for (Map<String, Object> row : rows) {
            sha.update((row.get("type") + "\t" + row.get("payload") + "\n").getBytes(StandardCharsets.UTF_8));
        }
        Map<String, Object> market = Jdbi.create("jdbc:sqlite:" + file("readback"))
                .withHandle(
                        h -> h.createQuery("SELECT events, digest FROM journal_market_data WHERE run_id = 'readback'")
                                .mapToMap()
                                .one());
        assertThat(((Number) market.get("events")).longValue()).isEqualTo(100);
        sha.update(("MarketData\t" + market.get("events") + " " + market.get("digest") + "\n")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(HexFormat.of().formatHex(sha.digest())).isEqualTo(receipt.digest());
        assertThat(rows.get(0).get("type")).isEqualTo("RunStarted");
    }

    @Test
    void shouldWriteValuesAsPlainDecimals_whenAFillIsStored() {
        List<Event> events = SampleEvents.run(10);
        EventJournalPort journal = newJournal("plain");
        events.forEach(journal::append);
        journal.finish();
        String payload = Jdbi.create("jdbc:sqlite:" + file("plain"))
                .withHandle(h -> h.createQuery("SELECT payload FROM journal_event WHERE type = 'OrderFilled'")
                        .mapTo(String.class)
                        .first());
        assertThat(payload)
                .contains("\"price\":100.25")
                .contains("\"fee\":{\"amount\":0.5,\"currency\":\"USD\"}")
                .contains("\"orderId\":\"O-4\"")
                .contains("\"time\":\"2024-01-02T00:04:00Z\"");
    }
}
