package io.eventdesk.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/** What a recovered service session must show, whatever fed it: each signal taken once, the portfolio rebuilt. */
final class RecoveryChecks {
    private RecoveryChecks() {}

    /** How often each signal id is in the run folder's embedded journal. */
    static Map<String, Integer> signalsIn(Path run) {
        Map<String, Integer> received = new LinkedHashMap<>();
        Jdbi.create("jdbc:sqlite:" + run.resolve("journal.db"))
                .useHandle(h -> h.createQuery("SELECT json_extract(payload, '$.signal.signalId') FROM journal_events"
                                + " WHERE type = 'SignalReceived'")
                        .mapTo(String.class)
                        .forEach(id -> received.merge(id, 1, Integer::sum)));
        return received;
    }

    /** Every answered signal is journaled exactly once, and the portfolio equals a rebuild from the journal. */
    static void assertTakenOnceAndRebuilt(Path run, Path config, Map<String, Integer> received, Set<String> answered) {
        assertThat(received.keySet()).containsAll(answered);
        assertThat(received.values()).as("each signal taken once").allMatch(n -> n == 1);
        RunFolder rebuilt =
                RunFolder.cli(run, "rebuild", "--quiet", "--config", config.toString(), "--out", run.toString());
        assertThat(rebuilt.exitCode).as(rebuilt.out + rebuilt.err).isZero();
        assertThat(rebuilt.out).contains("the rebuilt portfolio equals the run's in every figure");
    }
}
