package io.eventdesk.adapters.persistence;

/** What differs between the stores the journal supports. */
enum JournalDialect {
    SQLITE(
            "classpath:db/migration/sqlite",
            "INSERT INTO journal_event (run_id, sequence, time, type, payload) VALUES (?, ?, ?, ?, ?)"),
    POSTGRESQL(
            "classpath:db/migration/postgresql",
            "INSERT INTO journal_event (run_id, sequence, time, type, payload)"
                    + " VALUES (?, ?, CAST(? AS timestamptz), ?, CAST(? AS jsonb))");

    final String migrations;
    final String insert;

    JournalDialect(String migrations, String insert) {
        this.migrations = migrations;
        this.insert = insert;
    }

    static JournalDialect of(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:sqlite:")) {
            return SQLITE;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException(
                "unsupported journal URL '" + jdbcUrl + "': expected jdbc:sqlite:<file> or jdbc:postgresql://host/db");
    }
}
