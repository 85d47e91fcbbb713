package io.eventdesk.adapters.persistence;

/** What differs between the stores the journal supports. */
enum JournalDialect {
    SQLITE,
    POSTGRESQL;

    /**
     * A connection to {@code jdbcUrl} through this store's own driver: {@code DriverManager} would load and start
     * every driver on the class path first, a fixed cost every run paid.
     */
    java.sql.Connection connect(String jdbcUrl) throws java.sql.SQLException {
        java.sql.Driver driver = this == SQLITE ? new org.sqlite.JDBC() : new org.postgresql.Driver();
        java.sql.Connection c = driver.connect(jdbcUrl, new java.util.Properties());
        if (c == null) {
            throw new java.sql.SQLException("the " + name().toLowerCase(java.util.Locale.ROOT)
                    + " driver does not accept the URL " + jdbcUrl.replaceAll("\\?.*", ""));
        }
        return c;
    }

    static java.sql.Connection open(String jdbcUrl) throws java.sql.SQLException {
        return of(jdbcUrl).connect(jdbcUrl);
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
