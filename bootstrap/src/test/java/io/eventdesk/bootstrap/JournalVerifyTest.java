package io.eventdesk.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code eventdesk journal verify} finds a tampered event, a missing event and a changed data file. */
class JournalVerifyTest {
    @TempDir
    Path dir;

    private RunFolder run;

    @BeforeEach
    void runOnce() throws IOException {
        Files.writeString(dir.resolve("bars.csv"), Fixtures.minuteBars(300, "\n"));
        Path config = dir.resolve("config.yaml");
        Files.writeString(config, """
                name: verified
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
                """);
        run = RunFolder.backtest(config, dir.resolve("run"));
        assertThat(run.exitCode).as(run.err).isZero();
    }

    private RunFolder verify() {
        return RunFolder.cli(run.dir, "journal", "verify", run.dir.toString());
    }

    private void sql(String statement) {
        Jdbi.create("jdbc:sqlite:" + run.dir.resolve("journal.db")).useHandle(h -> h.execute(statement));
    }

    @Test
    void shouldShowTheFilteredEvents_whenTheJournalIsShown() {
        RunFolder all = RunFolder.cli(run.dir, "journal", "show", run.dir.toString(), "--format", "jsonl");
        assertThat(all.exitCode).as(all.err).isZero();
        assertThat(all.out.lines().toList())
                .hasSize((int) (run.summary().get("events").asLong()
                                - run.summary().get("market_events").asLong())
                        - valuations());
        RunFolder fills = RunFolder.cli(run.dir, "journal", "show", run.dir.toString(), "--type", "OrderFilled");
        assertThat(fills.out.lines().toList())
                .hasSize(run.summary().get("fills").asInt())
                .allSatisfy(l -> assertThat(l).contains("OrderFilled"));
        RunFolder one = RunFolder.cli(
                run.dir, "journal", "show", run.dir.toString(), "--order", "O-1", "--to", "2024-01-02T00:30:00Z");
        assertThat(one.out.lines().toList())
                .isNotEmpty()
                .allSatisfy(l -> assertThat(l).contains("\"O-1\""));
    }

    /** The marks kept packed, not as rows. */
    private int valuations() {
        return Jdbi.create("jdbc:sqlite:" + run.dir.resolve("journal.db"))
                .withHandle(h -> h.createQuery("SELECT coalesce(sum(marks), 0) FROM journal_block")
                        .mapTo(Integer.class)
                        .one());
    }

    @Test
    void shouldPass_whenNothingChangedSinceTheRun() {
        RunFolder v = verify();
        assertThat(v.exitCode).as(v.err).isZero();
        assertThat(v.out)
                .contains("journal verified")
                .contains(run.summary().get("journal_digest").asText());
    }

    @Test
    void shouldNameTheDigest_whenAStoredEventWasChanged() {
        sql("UPDATE journal_block SET events = replace(events, '\"quantity\":1,\"sequence\"',"
                + " '\"quantity\":2,\"sequence\"')");
        RunFolder v = verify();
        assertThat(v.exitCode).isEqualTo(1);
        assertThat(v.err).startsWith("journal verify: the digest recomputed from the store");
    }

    @Test
    void shouldSayAnEventIsMissing_whenAnEventWasCutFromItsBlock() {
        String url = "jdbc:sqlite:" + run.dir.resolve("journal.db");
        Jdbi.create(url).useHandle(h -> {
            var block = h.createQuery("SELECT first_sequence, events FROM journal_block ORDER BY first_sequence")
                    .mapToMap()
                    .first();
            String events = (String) block.get("events");
            int signal = events.indexOf(",\n[", events.indexOf("\"SignalRaised\"") - 20);
            int next = events.indexOf(",\n[", signal + 1);
            h.createUpdate("UPDATE journal_block SET events = :e WHERE first_sequence = :f")
                    .bind("e", events.substring(0, signal) + events.substring(next))
                    .bind("f", block.get("first_sequence"))
                    .execute();
        });
        RunFolder v = verify();
        assertThat(v.exitCode).isEqualTo(1);
        assertThat(v.err).contains("an event is missing");
    }

    @Test
    void shouldNameTheHole_whenABlockWasDeleted() throws IOException {
        Path config = dir.resolve("blocks.yaml");
        Files.writeString(config, Files.readString(dir.resolve("config.yaml")) + "journal:\n  block-records: 50\n");
        run = RunFolder.backtest(config, dir.resolve("blocks"));
        assertThat(run.exitCode).as(run.err).isZero();
        sql("DELETE FROM journal_block WHERE first_sequence = (SELECT min(first_sequence) FROM journal_block"
                + " WHERE first_sequence > 1)");
        RunFolder v = verify();
        assertThat(v.exitCode).isEqualTo(1);
        assertThat(v.err).contains("the journal has a hole: sequence");
    }

    @Test
    void shouldSayTheDataChanged_whenTheDataFileWasEdited() throws IOException {
        Path bars = dir.resolve("bars.csv");
        Files.writeString(bars, Files.readString(bars).replaceFirst(",100,101,99,100\n", ",100,102,99,100\n"));
        RunFolder v = verify();
        assertThat(v.exitCode).isEqualTo(1);
        assertThat(v.err).contains("the market data files give").contains("the data changed since the run");
    }
}
