package io.eventdesk.adapters.persistence;

/** What differs between the stores the journal supports. */
enum JournalDialect {
    SQLITE(
            "classpath:db/migration/sqlite",
            "INSERT INTO journal_event (run_id, sequence, time, type, payload) VALUES (?, ?, ?, ?, ?)",
            "INSERT INTO journal_market_data (run_id, events, first_time, last_time, digest) VALUES (?, ?, ?, ?, ?)",
            "INSERT INTO journal_mark_block (run_id, first_sequence, marks, currency, data) VALUES (?, ?, ?, ?, ?)"),
    POSTGRESQL(
            "classpath:db/migration/postgresql",
            "INSERT INTO journal_event (run_id, sequence, time, type, payload)"
                    + " VALUES (?, ?, CAST(? AS timestamptz), ?, CAST(? AS json))",
            "INSERT INTO journal_market_data (run_id, events, first_time, last_time, digest)"
                    + " VALUES (?, ?, CAST(? AS timestamptz), CAST(? AS timestamptz), ?)",
            "INSERT INTO journal_mark_block (run_id, first_sequence, marks, currency, data) VALUES (?, ?, ?, ?, ?)");

    final String migrations;
    final String insert;
    final String insertMarketData;
    final String insertMarks;

    JournalDialect(String migrations, String insert, String insertMarketData, String insertMarks) {
        this.migrations = migrations;
        this.insert = insert;
        this.insertMarketData = insertMarketData;
        this.insertMarks = insertMarks;
    }

    /** The URL tuned for batch inserts (PostgreSQL: multi-row inserts). */
    String tune(String jdbcUrl) {
        if (this == POSTGRESQL && !jdbcUrl.contains("reWriteBatchedInserts")) {
            return jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
        }
        return jdbcUrl;
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
