package io.eventdesk.adapters.persistence;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.eventdesk.domain.port.EventJournalPort;
import io.eventdesk.testkit.EventJournalContract;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;

/**
 * The same journal contract against PostgreSQL at {@code EVENTDESK_PG_URL} (default
 * {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}). Skipped with a message when no server answers,
 * except under {@code CI=true}, where it must run.
 */
class PostgresEventJournalTest extends EventJournalContract {
    static final String URL =
            System.getenv().getOrDefault("EVENTDESK_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
    private static final String RUN_PREFIX = "test-" + UUID.randomUUID() + "-";

    @BeforeAll
    static void requireServer() {
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        try (Connection c = DriverManager.getConnection(URL)) {
            c.isValid(2);
        } catch (SQLException e) {
            if (ci) {
                throw new IllegalStateException(
                        "CI=true but PostgreSQL does not answer at " + URL + ": " + e.getMessage(), e);
            }
            assumeTrue(
                    false,
                    "PostgreSQL does not answer at " + URL + " (" + e.getMessage()
                            + "); set EVENTDESK_PG_URL or start the server to run these tests");
        }
    }

    @Override
    protected EventJournalPort newJournal(String runId) {
        return EventJournals.jdbc(URL, RUN_PREFIX + runId);
    }

    @Override
    protected List<Long> storedSequences(String runId) {
        return new JournalReader(URL, RUN_PREFIX + runId).sequences();
    }

    @org.junit.jupiter.api.Test
    void shouldReproduceTheDigestFromWhatIsStored_whenReadBack() {
        var events = io.eventdesk.domain.testing.SampleEvents.run(300);
        EventJournalPort journal = newJournal("readback");
        events.forEach(journal::append);
        var receipt = journal.finish();
        org.assertj.core.api.Assertions.assertThat(new JournalReader(URL, RUN_PREFIX + "readback").digest())
                .isEqualTo(receipt.digest());
    }
}
