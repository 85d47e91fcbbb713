package io.eventdesk.adapters.persistence;

import io.eventdesk.domain.error.BadInputException;
import io.eventdesk.domain.port.EventJournalPort;
import io.eventdesk.domain.port.MarketDataFeedPort;
import io.eventdesk.domain.port.RunHistoryPort;
import io.eventdesk.domain.run.RunRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The entry point of the journal adapter. */
public final class EventJournals {
    private EventJournals() {}

    /** The embedded default: an SQLite file (WAL mode), created and migrated if needed. */
    public static EventJournalPort sqlite(Path file, String runId) {
        return jdbc("jdbc:sqlite:" + file.toAbsolutePath(), runId);
    }

    /** The JDBC URL of the SQLite journal file {@code file}. */
    public static String sqliteUrl(Path file) {
        return "jdbc:sqlite:" + file.toAbsolutePath();
    }

    /** A journal at a JDBC URL: {@code jdbc:sqlite:<file>} or {@code jdbc:postgresql://host:port/db?user=…}. */
    public static EventJournalPort jdbc(String jdbcUrl, String runId) {
        return jdbc(jdbcUrl, RunRegistration.backtest(runId), DEFAULT_BLOCK_RECORDS, JournalDurability.PROCESS);
    }

    /** The stored records (events and marks) per committed block unless configured: the most a crash can lose. */
    public static final int DEFAULT_BLOCK_RECORDS = JdbcEventJournal.BLOCK_RECORDS;

    /**
     * A journal at a JDBC URL for the run {@code run}, registered in the store's registry; a block of
     * {@code blockRecords} stored records is committed at a time (and everything at a flush and at the end), each
     * commit surviving what {@code durability} says.
     */
    public static EventJournalPort jdbc(
            String jdbcUrl, RunRegistration run, int blockRecords, JournalDurability durability) {
        if (jdbcUrl.startsWith("jdbc:sqlite:")) {
            Path file = Path.of(jdbcUrl.substring("jdbc:sqlite:".length())).toAbsolutePath();
            if (file.getParent() != null && !Files.isDirectory(file.getParent())) {
                throw new BadInputException(
                        jdbcUrl,
                        0,
                        null,
                        "cannot open the journal: the folder " + file.getParent() + " does not exist");
            }
        }
        try {
            return new JdbcEventJournal(jdbcUrl, run, blockRecords, durability);
        } catch (RuntimeException e) {
            throw new BadInputException(shown(jdbcUrl), 0, null, "cannot open the journal: " + rootMessage(e), e);
        }
    }

    /** The URL without its query, which may hold a user and a password. */
    private static String shown(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }

    /** The deepest cause's message, on one line. */
    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return m.lines().findFirst().orElse(m).strip();
    }

    /** A finished run read back from the journal at {@code jdbcUrl}: its fills and where its market events fell. */
    public static RunHistoryPort history(String jdbcUrl, String runId) {
        return new JournalHistory(jdbcUrl, runId, false);
    }

    /** The committed stored events of a run, as they are committed: what follows a running session. */
    public static io.eventdesk.domain.port.JournalTailPort tail(String jdbcUrl, String runId) {
        return new JournalTail(jdbcUrl, runId);
    }

    /**
     * The committed prefix of a run that may not have finished (a session killed mid-way): what a restart recovers
     * from. Everything a session answered is in it (it answers only after a commit).
     */
    public static RunHistoryPort committedPrefix(String jdbcUrl, String runId) {
        return new JournalHistory(jdbcUrl, runId, true);
    }

    /**
     * Checks the journal of {@code runId} at {@code jdbcUrl}: that it ends, that its sequence has no hole but the
     * run's market events, that its digest recomputed from the store equals {@code expectedDigest} (when given), and
     * that {@code data} (when given) still gives the market data digest the run recorded. Empty when all hold; else
     * each problem in a line, the first first.
     */
    public static List<String> verify(String jdbcUrl, String runId, String expectedDigest, MarketDataFeedPort data) {
        return JournalVerification.check(jdbcUrl, runId, expectedDigest, data);
    }

    /** The story of one order of {@code runId}, from the journal alone, a line each step. */
    public static List<String> explainOrder(String jdbcUrl, String runId, String orderId) {
        return new JournalStory(jdbcUrl, runId).order(orderId);
    }

    /** The story of one outside signal of {@code runId} by its {@code signal_id}, and of its order if it had one. */
    public static List<String> explainSignal(String jdbcUrl, String runId, String signalId) {
        return new JournalStory(jdbcUrl, runId).signalById(signalId);
    }

    /**
     * The stored events of {@code runId} in sequence order, filtered: of one type (null: any), about one order (null:
     * any), within [{@code from}, {@code to}] of simulated time (null: open). Each goes to {@code sink} as
     * {@code (sequence, time, type, payload)} with the payload as stored (JSON); marks are left out.
     */
    public static void show(
            String jdbcUrl,
            String runId,
            String type,
            String orderId,
            java.time.Instant from,
            java.time.Instant to,
            StoredEventSink sink) {
        org.jdbi.v3.core.Jdbi.create(() -> JournalDialect.open(jdbcUrl)).useHandle(h -> {
            StringBuilder sql =
                    new StringBuilder("SELECT sequence, time, type, payload FROM journal_events WHERE run_id = :r");
            if (type != null) {
                sql.append(" AND type = :t");
            }
            if (orderId != null) {
                sql.append(" AND payload LIKE :o");
            }
            sql.append(" ORDER BY sequence");
            var q = h.createQuery(sql.toString()).bind("r", runId);
            if (type != null) {
                q.bind("t", type);
            }
            if (orderId != null) {
                q.bind("o", "%\"orderId\":\"" + orderId + "\"%");
            }
            q.map((rs, ctx) -> new String[] {
                        Long.toString(rs.getLong(1)), rs.getString(2), rs.getString(3), rs.getString(4)
                    })
                    .forEach(row -> {
                        java.time.Instant at = EventJson.time(row[3]);
                        if ((from == null || !at.isBefore(from)) && (to == null || !at.isAfter(to))) {
                            sink.accept(Long.parseLong(row[0]), at, row[2], row[3]);
                        }
                    });
        });
    }

    /** Where {@link #show} sends each event. */
    @FunctionalInterface
    public interface StoredEventSink {
        void accept(long sequence, java.time.Instant time, String type, String payload);
    }

    /** The ids of the runs in the store at {@code jdbcUrl}, oldest first. */
    public static List<String> runIds(String jdbcUrl) {
        return runs(jdbcUrl).stream().map(RunRecord::id).toList();
    }

    /**
     * Every run the registry of the store at {@code jdbcUrl} holds, oldest first, with its status as of now: a run
     * registered as running whose writer is gone is {@code INTERRUPTED}.
     */
    public static List<RunRecord> runs(String jdbcUrl) {
        return withRegistry(jdbcUrl, (registry, c) -> registry.list(c));
    }

    /** The run {@code runId} of the store at {@code jdbcUrl}, or null. */
    public static RunRecord run(String jdbcUrl, String runId) {
        return withRegistry(jdbcUrl, (registry, c) -> registry.find(c, runId));
    }

    /** Deletes the run {@code runId} from the store at {@code jdbcUrl}: its blocks and its registry row. */
    public static void deleteRun(String jdbcUrl, String runId) {
        try (java.sql.Connection c = JournalDialect.open(jdbcUrl);
                java.sql.PreparedStatement blocks = c.prepareStatement("DELETE FROM journal_block WHERE run_id = ?");
                java.sql.PreparedStatement run = c.prepareStatement("DELETE FROM journal_run WHERE run_id = ?")) {
            blocks.setString(1, runId);
            blocks.executeUpdate();
            run.setString(1, runId);
            run.executeUpdate();
        } catch (java.sql.SQLException e) {
            throw new BadInputException(
                    shown(jdbcUrl), 0, null, "cannot delete run '" + runId + "': " + e.getMessage(), e);
        }
    }

    static String marketDigest(String jdbcUrl, String runId) {
        return withRegistry(jdbcUrl, (registry, c) -> registry.marketDigest(c, runId));
    }

    private interface RegistryQuery<T> {
        T apply(RunRegistry registry, java.sql.Connection c) throws java.sql.SQLException;
    }

    private static <T> T withRegistry(String jdbcUrl, RegistryQuery<T> query) {
        try (java.sql.Connection c = JournalDialect.open(jdbcUrl)) {
            JournalDialect dialect = JournalDialect.of(jdbcUrl);
            JournalSchema.ensure(c, dialect);
            return query.apply(new RunRegistry(dialect), c);
        } catch (java.sql.SQLException e) {
            throw new BadInputException(shown(jdbcUrl), 0, null, "cannot read the journal: " + rootMessage(e), e);
        }
    }

    /** Journal off: events are counted, not kept; the receipt's digest is {@code disabled}. */
    public static EventJournalPort disabled() {
        return new DisabledJournal();
    }
}
