package io.eventdesk.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every run is a new run, in a shared PostgreSQL journal too: a config run again into the same folder gets a run id
 * of its own instead of colliding with the first (which failed with a duplicate key and a stack trace). PostgreSQL
 * at {@code EVENTDESK_PG_URL}; skipped when none answers, except under {@code CI=true}.
 */
class SharedJournalRerunTest {
    static final String URL = SharedStore.URL;

    @TempDir
    Path dir;

    @BeforeAll
    static void requireServer() {
        SharedStore.require();
    }

    @Test
    void shouldMakeANewRun_whenTheSameConfigRunsAgainIntoTheSameFolder() throws IOException {
        Files.writeString(dir.resolve("bars.csv"), Fixtures.minuteBars(100, "\n"));
        String name = "rerun-" + UUID.randomUUID();
        Path config = dir.resolve("config.yaml");
        Files.writeString(config, """
                name: %s
                account:
                  initial-cash: 100000
                  base-currency: USD
                instruments:
                  - {id: TEST, asset-class: equity, currency: USD, tick-size: 0.01}
                data:
                  - {instrument: TEST, kind: bars, path: bars.csv}
                strategy:
                  type: sma-cross
                  params: {fast: 2, slow: 3, quantity: 1}
                journal:
                  url: "%s"
                """.formatted(name, URL));
        Path folder = dir.resolve("run");
        RunFolder first = RunFolder.backtest(config, folder);
        assertThat(first.exitCode).as(first.err).isZero();
        String firstId = new ObjectMapper()
                .readTree(folder.resolve("status.json").toFile())
                .get("journal_run_id")
                .asText();
        RunFolder second = RunFolder.backtest(config, folder);
        assertThat(second.exitCode).as(second.err).isZero();
        String secondId = new ObjectMapper()
                .readTree(folder.resolve("status.json").toFile())
                .get("journal_run_id")
                .asText();
        assertThat(secondId).isNotEqualTo(firstId).startsWith(name + "@");
        assertThat(second.summary().get("journal_digest").asText())
                .isEqualTo(first.summary().get("journal_digest").asText());
        Jdbi jdbi = Jdbi.create(URL);
        for (String id : new String[] {firstId, secondId}) {
            String last = jdbi.withHandle(h -> h.createQuery(
                            "SELECT type FROM journal_events WHERE run_id = :r ORDER BY sequence DESC LIMIT 1")
                    .bind("r", id)
                    .mapTo(String.class)
                    .one());
            assertThat(last).isEqualTo("RunFinished");
        }
    }
}
