package io.eventdesk.adapters.persistence;

/** What differs between the stores the journal supports. */
enum JournalDialect {
    SQLITE,
    POSTGRESQL;

    /** The URL tuned for the journal's writes (none needed today: one row per block). */
    String tune(String jdbcUrl) {
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
