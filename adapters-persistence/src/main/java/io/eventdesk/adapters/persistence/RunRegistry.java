package io.eventdesk.adapters.persistence;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventdesk.domain.run.RunRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The run registry ({@code journal_run}): one row per run, written when it starts, brought up to date at every commit
 * of its journal, closed with its status, digest and market data digest when it ends. A run found {@code RUNNING}
 * whose writer is gone is reported {@code INTERRUPTED}: on PostgreSQL the writer holds a session advisory lock on
 * its run for as long as it lives (the server drops it with the connection); on SQLite, a file on one machine, the
 * writer's process id is checked.
 */
final class RunRegistry {
    static final String RUNNING = "RUNNING";
    static final String FINISHED = "FINISHED";
    static final String STOPPED = "STOPPED";
    static final String FAILED = "FAILED";
    static final String INTERRUPTED = "INTERRUPTED";

    private static final String COLUMNS = "run_id, name, kind, status, reason, started_at, ended_at, market_first,"
            + " market_last, last_sequence, stored_events, market_events, digest, seed, config_digest, code_version,"
            + " host, pid";

    private final JournalDialect dialect;

    RunRegistry(JournalDialect dialect) {
        this.dialect = dialect;
    }

    private String ts() {
        return dialect == JournalDialect.POSTGRESQL ? "CAST(? AS timestamptz)" : "?";
    }

    /** Registers a new run as {@code RUNNING}; a run id already registered is refused. */
    void register(Connection c, RunRegistration run) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO journal_run (run_id, name, kind, status, seed,"
                + " config_digest, code_version, data_sources, started_at, host, pid) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
                + ts() + ", ?, ?)")) {
            s.setString(1, run.runId());
            s.setString(2, run.name());
            s.setString(3, run.kind());
            s.setString(4, RUNNING);
            if (run.seed() == null) {
                s.setNull(5, java.sql.Types.BIGINT);
            } else {
                s.setLong(5, run.seed());
            }
            s.setString(6, run.configFile() == null ? null : sha256(run.configFile()));
            s.setString(7, run.codeVersion());
            s.setString(8, sources(run.dataFiles()));
            s.setString(9, Instant.now().toString());
            s.setString(10, host());
            s.setLong(11, ProcessHandle.current().pid());
            s.executeUpdate();
        }
    }

    /** Whether {@code runId} is registered already. */
    boolean exists(Connection c, String runId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM journal_run WHERE run_id = ?")) {
            s.setString(1, runId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    PreparedStatement committedStatement(Connection c) throws SQLException {
        return c.prepareStatement("UPDATE journal_run SET last_sequence = ?, stored_events = ?, marks = ?,"
                + " market_events = ?, market_first = " + ts() + ", market_last = " + ts() + ", committed_at = " + ts()
                + " WHERE run_id = ?");
    }

    /** Records, in the commit's transaction, how far the run's journal is committed. */
    static void committed(
            PreparedStatement s, String runId, long lastSequence, long stored, long marks, MarketDataDigest market)
            throws SQLException {
        s.setLong(1, lastSequence);
        s.setLong(2, stored);
        s.setLong(3, marks);
        s.setLong(4, market.events());
        s.setString(5, text(market.first()));
        s.setString(6, text(market.last()));
        s.setString(7, Instant.now().toString());
        s.setString(8, runId);
        s.executeUpdate();
    }

    /** Closes the run's row: its status (and reason), the journal digest and the market data digest. */
    void ended(Connection c, String runId, String status, String reason, String digest, String marketDigest)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE journal_run SET status = ?, reason = ?, digest = ?,"
                + " market_digest = ?, ended_at = " + ts() + " WHERE run_id = ?")) {
            s.setString(1, status);
            s.setString(2, reason);
            s.setString(3, digest);
            s.setString(4, marketDigest);
            s.setString(5, Instant.now().toString());
            s.setString(6, runId);
            s.executeUpdate();
        }
    }

    /** Every registered run, oldest start first, with its status as of now. */
    List<RunRecord> list(Connection c) throws SQLException {
        List<RunRecord> out = new ArrayList<>();
        try (PreparedStatement s =
                        c.prepareStatement("SELECT " + COLUMNS + " FROM journal_run ORDER BY started_at, run_id");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                out.add(record(c, rs));
            }
        }
        return out;
    }

    /** The run {@code runId}, or null when the store does not hold it. */
    RunRecord find(Connection c, String runId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM journal_run WHERE run_id = ?")) {
            s.setString(1, runId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? record(c, rs) : null;
            }
        }
    }

    /** The market data digest recorded when the run ended, or null. */
    String marketDigest(Connection c, String runId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT market_digest FROM journal_run WHERE run_id = ?")) {
            s.setString(1, runId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private RunRecord record(Connection c, ResultSet rs) throws SQLException {
        String id = rs.getString(1);
        String status = rs.getString(4);
        if (status.equals(RUNNING) && !writerAlive(c, id, rs.getString(17), rs.getLong(18))) {
            status = INTERRUPTED;
        }
        long seed = rs.getLong(14);
        Long seedOrNull = rs.wasNull() ? null : seed;
        return new RunRecord(
                id,
                rs.getString(2),
                rs.getString(3),
                status,
                rs.getString(5),
                instant(rs, 6),
                instant(rs, 7),
                instant(rs, 8),
                instant(rs, 9),
                rs.getLong(10),
                rs.getLong(11),
                rs.getLong(12),
                rs.getString(13),
                seedOrNull,
                rs.getString(15),
                rs.getString(16));
    }

    private Instant instant(ResultSet rs, int column) throws SQLException {
        if (dialect == JournalDialect.POSTGRESQL) {
            Timestamp t = rs.getTimestamp(column);
            return t == null ? null : t.toInstant();
        }
        String s = rs.getString(column);
        return s == null ? null : Instant.parse(s);
    }

    /** Whether the writer of a run registered as running is alive. */
    private boolean writerAlive(Connection c, String runId, String host, long pid) throws SQLException {
        if (dialect == JournalDialect.POSTGRESQL) {
            try (PreparedStatement s = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                s.setLong(1, lockKey(runId));
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    if (!rs.getBoolean(1)) {
                        return true; // the writer's session holds it
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                s.setLong(1, lockKey(runId));
                s.executeQuery().close();
            }
            return false;
        }
        if (host != null && !host.equals(host())) {
            return true; // another machine's process: it cannot be checked from here
        }
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** Takes the run's advisory lock for the writer's session (PostgreSQL). */
    void hold(Connection c, String runId) throws SQLException {
        if (dialect == JournalDialect.POSTGRESQL) {
            try (PreparedStatement s = c.prepareStatement("SELECT pg_advisory_lock(?)")) {
                s.setLong(1, lockKey(runId));
                s.executeQuery().close();
            }
        }
    }

    /** The advisory lock key of a run: the first 8 bytes of the SHA-256 of its id. */
    static long lockKey(String runId) {
        byte[] h = JournalReader.sha256().digest(runId.getBytes(StandardCharsets.UTF_8));
        return java.nio.ByteBuffer.wrap(h).getLong();
    }

    private static String text(Instant t) {
        return t == null ? null : t.toString();
    }

    static String host() {
        try {
            Path etc = Path.of("/etc/hostname");
            if (Files.isReadable(etc)) {
                return Files.readString(etc).strip();
            }
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String sources(List<Path> files) {
        ArrayNode a = EventJson.MAPPER.createArrayNode();
        for (Path f : files) {
            ObjectNode n = a.addObject();
            n.put("path", f.toAbsolutePath().normalize().toString());
            try {
                n.put("bytes", Files.size(f));
                n.put("modified", Files.getLastModifiedTime(f).toInstant().toString());
            } catch (IOException e) {
                n.putNull("bytes");
            }
        }
        return a.toString();
    }

    private static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(JournalReader.sha256().digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the config " + file, e);
        }
    }
}
