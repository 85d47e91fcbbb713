package io.eventdesk.adapters.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Creates the journal's tables and view when a store lacks them: the statements of {@code schema/<dialect>.sql},
 * each idempotent, in one transaction (on PostgreSQL under an advisory lock, so runs starting together do not race).
 * A store made by an earlier eventdesk — one row per event in {@code journal_event} — is left as it is; its runs are
 * not listed.
 */
final class JournalSchema {
    /** The advisory lock key the schema is created under (PostgreSQL). */
    private static final long SCHEMA_LOCK = 0x6576656e74646573L;

    private JournalSchema() {}

    static void ensure(Connection connection, JournalDialect dialect) throws SQLException {
        if (exists(connection)) {
            return;
        }
        boolean auto = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement s = connection.createStatement()) {
            if (dialect == JournalDialect.POSTGRESQL) {
                s.execute("SELECT pg_advisory_xact_lock(" + SCHEMA_LOCK + ")");
            }
            for (String statement : statements(dialect)) {
                s.execute(statement);
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(auto);
        }
    }

    private static boolean exists(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        int found = 0;
        for (String table : List.of("journal_run", "journal_block")) {
            try (ResultSet rs = meta.getTables(null, null, table, null)) {
                found += rs.next() ? 1 : 0;
            }
        }
        try (ResultSet rs = meta.getTables(null, null, "journal_events", new String[] {"VIEW"})) {
            found += rs.next() ? 1 : 0;
        }
        return found == 3;
    }

    static List<String> statements(JournalDialect dialect) {
        String name = "schema/" + dialect.name().toLowerCase(java.util.Locale.ROOT) + ".sql";
        String text;
        try (InputStream in = JournalSchema.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the journal schema " + name + " is missing from the build");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n")) {
            String code = line.strip();
            if (code.startsWith("--") || code.isEmpty()) {
                continue;
            }
            current.append(line).append('\n');
            if (code.endsWith(";")) {
                out.add(current.substring(0, current.lastIndexOf(";")));
                current.setLength(0);
            }
        }
        return out;
    }
}
