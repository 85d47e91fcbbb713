package io.eventdesk.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.io.TempDir;

/**
 * A service killed with SIGKILL under load, at seeded random moments, and started again with {@code --resume}, twice:
 * every signal that was answered is in the final journal exactly once with the decision it was answered with, a
 * repeat of it is answered that decision again, a client that retries the unanswered ones is safe (each is taken
 * once), and the portfolio equals a rebuild from the journal.
 */
class ServiceRecoveryTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static String side(String id) {
        return id.hashCode() % 2 == 0 ? "BUY" : "SELL";
    }

    /** The decision a client keeps: outcome and order id (the sequence is the session's, and stays). */
    private static String decision(HttpResponse<String> r) throws IOException {
        JsonNode n = JSON.readTree(r.body());
        return n.get("outcome").asText() + " " + n.get("order_id").asText() + " "
                + n.get("sequence").asLong();
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "journal on {0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"sqlite", "postgresql"})
    void shouldAnswerEverySignalOnceAndNeverTradeTwice_whenKilledAndResumedUnderLoad(String store) throws Exception {
        boolean pg = store.equals("postgresql");
        if (pg) {
            SharedStore.require();
        }
        Path config = ServiceProcess.config(dir, "recovery-" + store, 5000, "");
        if (pg) {
            Files.writeString(config, Files.readString(config) + "journal: {url: '" + SharedStore.URL + "'}\n");
        }
        Path run = dir.resolve("run");
        Random random = new Random(20261201);
        Map<String, String> answered = new LinkedHashMap<>();
        List<String> unanswered = new ArrayList<>();
        int next = 0;
        for (int round = 0; round < 3; round++) {
            Path log = dir.resolve("serve-" + round + ".log");
            ServiceProcess server = round > 0
                    ? ServiceProcess.start(config, run, log, "--resume")
                    : ServiceProcess.start(config, run, log);
            // a client that retries: what it never heard about first, then a sample of what it did
            for (String id : new ArrayList<>(unanswered)) {
                HttpResponse<String> r = server.signal(id, side(id));
                assertThat(r.statusCode()).as("retry of %s", id).isIn(200, 202);
                answered.put(id, decision(r));
                unanswered.remove(id);
            }
            List<String> before = new ArrayList<>(answered.keySet());
            for (int i = 0; i < Math.min(20, before.size()); i++) {
                String id = before.get(random.nextInt(before.size()));
                HttpResponse<String> r = server.signal(id, side(id));
                assertThat(r.statusCode())
                        .as("repeat of %s after a restart", id)
                        .isEqualTo(200);
                assertThat(decision(r)).as("the first decision of %s", id).isEqualTo(answered.get(id));
            }
            boolean last = round == 2;
            AtomicBoolean killed = new AtomicBoolean();
            if (!last) {
                long delay = 300 + random.nextInt(900);
                Thread killer = new Thread(() -> {
                    try {
                        Thread.sleep(delay);
                    } catch (InterruptedException e) {
                        return;
                    }
                    killed.set(true);
                    server.process.destroyForcibly(); // SIGKILL, mid-load
                });
                killer.start();
            }
            int sent = 0;
            while (!killed.get() && (last ? sent < 150 : sent < 100_000)) {
                String id = "k-" + next++;
                sent++;
                try {
                    HttpResponse<String> r = server.signal(id, side(id));
                    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
                    answered.put(id, decision(r));
                } catch (IOException lost) {
                    unanswered.add(id); // the process died with the request: the client does not know
                }
            }
            if (last) {
                server.process.destroy(); // SIGTERM: the run finishes
            }
            assertThat(server.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(unanswered).isEmpty();
        assertThat(answered.size()).as("signals answered over three rounds").isGreaterThan(30);
        System.out.println("recovery (" + store + "): " + answered.size() + " signals answered over 3 rounds, 2 kills");
        assertThat(Files.readString(run.resolve("status.json"))).contains("\"status\" : \"FINISHED\"");
        Map<String, Integer> received = new LinkedHashMap<>();
        if (pg) {
            String runId = JSON.readTree(run.resolve("status.json").toFile())
                    .get("journal_run_id")
                    .asText();
            Jdbi.create(SharedStore.URL)
                    .useHandle(h -> h.createQuery("SELECT payload::json->'signal'->>'signalId'"
                                    + " FROM journal_events WHERE run_id = :r AND type = 'SignalReceived'")
                            .bind("r", runId)
                            .mapTo(String.class)
                            .forEach(id -> received.merge(id, 1, Integer::sum)));
        } else {
            assertThat(run.resolve("journal-previous.db"))
                    .as("the killed session's journal, kept")
                    .exists();
            received.putAll(RecoveryChecks.signalsIn(run));
        }
        RecoveryChecks.assertTakenOnceAndRebuilt(run, config, received, answered.keySet());
    }
}
