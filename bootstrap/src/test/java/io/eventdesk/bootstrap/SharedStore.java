package io.eventdesk.bootstrap;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The PostgreSQL server the shared-store tests use: {@code EVENTDESK_PG_URL} (default
 * {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}). A test that needs it is skipped with a message when
 * none answers, except under {@code CI=true}, where it fails.
 */
final class SharedStore {
    static final String URL =
            System.getenv().getOrDefault("EVENTDESK_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

    private SharedStore() {}

    static void require() {
        try (Connection c = DriverManager.getConnection(URL)) {
            c.isValid(2);
        } catch (SQLException e) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("CI=true but PostgreSQL does not answer at " + URL, e);
            }
            assumeTrue(false, "PostgreSQL does not answer at " + URL + "; set EVENTDESK_PG_URL to run this test");
        }
    }
}
