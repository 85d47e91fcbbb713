package io.eventdesk.adapters.persistence;

import io.eventdesk.domain.port.EventJournalPort;
import io.eventdesk.domain.port.RunHistoryPort;
import java.nio.file.Path;

/** The entry point of the journal adapter. */
public final class EventJournals {
    private EventJournals() {}

    /** The embedded default: an SQLite file (WAL mode), created and migrated if needed. */
    public static EventJournalPort sqlite(Path file, String runId) {
        return new JdbcEventJournal("jdbc:sqlite:" + file.toAbsolutePath(), runId);
    }

    /** A journal at a JDBC URL: {@code jdbc:sqlite:<file>} or {@code jdbc:postgresql://host:port/db?user=…}. */
    public static EventJournalPort jdbc(String jdbcUrl, String runId) {
        return new JdbcEventJournal(jdbcUrl, runId);
    }

    /** A finished run read back from the journal at {@code jdbcUrl}: its fills and where its market events fell. */
    public static RunHistoryPort history(String jdbcUrl, String runId) {
        return new JournalHistory(jdbcUrl, runId);
    }

    /** Journal off: events are counted, not kept; the receipt's digest is {@code disabled}. */
    public static EventJournalPort disabled() {
        return new DisabledJournal();
    }
}
