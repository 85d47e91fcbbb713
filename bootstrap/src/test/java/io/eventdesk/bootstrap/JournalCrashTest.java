package io.eventdesk.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventdesk.adapters.persistence.EventJournals;
import io.eventdesk.domain.run.RunRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a crash leaves: a run in a JVM of its own killed with SIGKILL at seeded random moments, repeatedly, into the
 * embedded SQLite journal and into a shared PostgreSQL store. After each kill the store passes its integrity check,
 * its registry says {@code INTERRUPTED}, it holds a contiguous prefix of the run (byte for byte the events of an
 * uninterrupted run, up to its last commit), and the run files hold nothing the journal lost and end in a whole line.
 * Also two runs at once into one PostgreSQL database. PostgreSQL at {@code EVENTDESK_PG_URL}; those tests are skipped
 * when none answers, except under {@code CI=true}.
 */
class JournalCrashTest {
    static final String PG = SharedStore.URL;
    private static final int BARS = 150_000;
    private static final int BLOCK = 2_000;

    @TempDir
    static Path dir;

    private static List<String> reference;

    @BeforeAll
    static void referenceRun() throws IOException {
        Files.writeString(dir.resolve("bars.csv"), Fixtures.minuteBars(BARS, "\n"));
        RunFolder run = RunFolder.backtest(config("crash", null), dir.resolve("reference"));
        assertThat(run.exitCode).as(run.err).isZero();
        reference = events("jdbc:sqlite:" + dir.resolve("reference").resolve("journal.db"), null);
    }

    private static Path config(String name, String journalUrl) throws IOException {
        Path c = dir.resolve(name + "-" + UUID.randomUUID() + ".yaml");
        Files.writeString(c, """
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
                  block-records: %d
                %s""".formatted(name, BLOCK, journalUrl == null ? "" : "  url: " + journalUrl + "\n"));
        return c;
    }

    /** Each stored event as {@code type payload}, in sequence order (the name of the run aside). */
    private static List<String> events(String url, String runId) {
        return Jdbi.create(url)
                .withHandle(h -> h.createQuery("SELECT type, payload FROM journal_events"
                                + (runId == null ? "" : " WHERE run_id = :r") + " ORDER BY sequence")
                        .bindMap(runId == null ? java.util.Map.of() : java.util.Map.of("r", runId))
                        .map((rs, ctx) ->
                                rs.getString(1) + " " + rs.getString(2).replaceAll("\"runName\":\"[^\"]*\"", ""))
                        .list());
    }

    private static Process backtest(Path config, Path folder) throws IOException {
        return new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        "io.eventdesk.bootstrap.EventdeskCli",
                        "backtest",
                        "--quiet",
                        "--config",
                        config.toString(),
                        "--out",
                        folder.toString()))
                .redirectErrorStream(true)
                .redirectOutput(
                        folder.resolveSibling(folder.getFileName() + ".log").toFile())
                .start();
    }

    /**
     * Kills {@code p} with SIGKILL {@code millis} after its run has committed its first block ({@code committed}
     * polled), so that the kill lands during the run whatever the machine's speed.
     */
    private static void killAfterFirstCommit(Process p, java.util.function.BooleanSupplier committed, long millis)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (p.isAlive() && !committed.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        Thread.sleep(millis);
        p.destroyForcibly(); // SIGKILL
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    private static boolean committedIn(String url, java.util.function.Predicate<RunRecord> which) {
        try {
            return EventJournals.runs(url).stream().anyMatch(r -> which.test(r) && r.lastSequence() > 0);
        } catch (RuntimeException e) {
            return false; // not created yet, or busy: look again
        }
    }

    @Test
    void shouldLeaveAnIntactContiguousPrefixMarkedInterrupted_whenTheRunIsKilledAtRandomMoments() throws Exception {
        Random random = new Random(20261201);
        int checked = 0;
        for (int attempt = 0; attempt < 4; attempt++) {
            Path folder = dir.resolve("killed-" + attempt);
            Process p = backtest(config("crash", null), folder);
            Path db = folder.resolve("journal.db");
            killAfterFirstCommit(
                    p, () -> Files.exists(db) && committedIn("jdbc:sqlite:" + db, r -> true), random.nextInt(1500));
            if (!Files.exists(db)) {
                continue; // killed before the journal existed: nothing to check
            }
            String url = "jdbc:sqlite:" + db;
            String integrity = Jdbi.create(url)
                    .withHandle(h -> h.createQuery("PRAGMA integrity_check")
                            .mapTo(String.class)
                            .one());
            assertThat(integrity).isEqualTo("ok");
            List<RunRecord> runs = EventJournals.runs(url);
            if (runs.isEmpty()) {
                continue; // killed before the run was registered
            }
            RunRecord run = runs.get(0);
            if (run.status().equals("FINISHED")) {
                continue; // the machine was quicker than the kill
            }
            assertThat(run.status()).isEqualTo("INTERRUPTED");
            assertCommittedPrefix(url, run);
            assertRunFilesNotAhead(folder, url, run.id());
            checked++;
        }
        assertThat(checked).as("kills that landed during a run").isPositive();
    }

    /** The store holds a contiguous prefix, and it is the uninterrupted run's, event for event. */
    private static void assertCommittedPrefix(String url, RunRecord run) {
        List<String> problems = EventJournals.verify(url, run.id(), null, null);
        assertThat(problems)
                .singleElement()
                .satisfies(p -> assertThat(p).startsWith("the run did not end (INTERRUPTED)"));
        List<String> stored = events(url, run.id());
        assertThat(stored).hasSize((int) run.storedEvents());
        assertThat(stored).isEqualTo(reference.subList(0, stored.size()));
    }

    /**
     * fills.csv holds no fill the journal lost. Every run file is whole lines, but for its last one: a process killed
     * during a write (the files are written 64 KB and more at a time) can leave that write cut where the kernel
     * stopped copying (a page boundary), so the last line may be torn — a part of a line the journal made durable,
     * never one it lost.
     */
    private static void assertRunFilesNotAhead(Path folder, String url, String runId) throws IOException {
        long journaledFills = events(url, runId).stream()
                .filter(e -> e.startsWith("OrderFilled "))
                .count();
        String fills = Files.readString(folder.resolve("fills.csv"));
        long fileFills = fills.substring(0, fills.lastIndexOf('\n') + 1).lines().count() - 1; // whole lines; a header
        assertThat(fileFills).isBetween(0L, journaledFills);
        long torn = fills.endsWith("\n") ? 0 : 1;
        assertThat(fileFills + torn)
                .as("fills in fills.csv, a torn last one too")
                .isLessThanOrEqualTo(journaledFills);
        for (String file : List.of("fills.csv", "orders.csv", "equity.csv", "decisions.jsonl", "trades.csv")) {
            String text = Files.readString(folder.resolve(file));
            if (!text.isEmpty() && !text.endsWith("\n")) {
                System.out.println("JournalCrashTest: " + file + " ends in a line cut by the kill ("
                        + (text.length() - text.lastIndexOf('\n') - 1) + " characters)");
            }
        }
    }

    private static RunRecord runNamed(String name) {
        return EventJournals.runs(PG).stream()
                .filter(r -> r.name().equals(name))
                .findFirst()
                .orElse(null);
    }

    @Test
    void shouldLeaveAnInterruptedRunInTheSharedStore_whenTheRunIsKilledAtRandomMoments() throws Exception {
        SharedStore.require();
        Random random = new Random(42);
        int checked = 0;
        for (int attempt = 0; attempt < 2; attempt++) {
            String name = "crash-" + UUID.randomUUID();
            Path folder = dir.resolve("pg-killed-" + attempt);
            Process p = backtest(config(name, PG), folder);
            killAfterFirstCommit(p, () -> committedIn(PG, r -> r.name().equals(name)), random.nextInt(1500));
            RunRecord run = runNamed(name);
            if (run == null || run.status().equals("FINISHED")) {
                continue;
            }
            assertThat(run.status()).isEqualTo("INTERRUPTED");
            assertCommittedPrefix(PG, run);
            assertRunFilesNotAhead(folder, PG, run.id());
            checked++;
        }
        assertThat(checked).as("kills that landed during a run").isPositive();
    }

    @Test
    void shouldKeepTwoRunsApart_whenTheyWriteIntoOneDatabaseAtOnce() throws Exception {
        SharedStore.require();
        List<String> names = List.of("together-" + UUID.randomUUID(), "together-" + UUID.randomUUID());
        List<Process> processes = new ArrayList<>();
        for (String name : names) {
            processes.add(backtest(config(name, PG), dir.resolve(name)));
        }
        for (Process p : processes) {
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isZero();
        }
        for (String name : names) {
            RunRecord run = runNamed(name);
            assertThat(run.status()).isEqualTo("FINISHED");
            assertThat(EventJournals.verify(PG, run.id(), null, null)).isEmpty();
            RunFolder verified = RunFolder.cli(dir, "journal", "verify", "--journal", PG, "--run", run.id());
            assertThat(verified.exitCode).as(verified.err).isZero();
            assertThat(verified.out).contains("journal verified").contains(run.digest());
            RunFolder fills =
                    RunFolder.cli(dir, "journal", "show", "--journal", PG, "--run", run.id(), "--type", "OrderFilled");
            assertThat(fills.exitCode).as(fills.err).isZero();
            assertThat(fills.out.lines().count())
                    .isEqualTo(reference.stream()
                            .filter(e -> e.startsWith("OrderFilled "))
                            .count());
            assertThat(events(PG, run.id())).isEqualTo(reference);
            String summaryDigest = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(dir.resolve(name).resolve("summary.json").toFile())
                    .get("journal_digest")
                    .asText();
            assertThat(run.digest()).isEqualTo(summaryDigest);
        }
    }
}
