package io.eventdesk.adapters.persistence;

import io.eventdesk.domain.event.MarketEvent;
import io.eventdesk.domain.port.MarketDataFeedPort;
import io.eventdesk.domain.run.RunRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a run's journal against its registry row: that the run ended, that its blocks are contiguous and reach as
 * far as the registry says was committed, that the counts of stored events and market events agree, that the digest
 * recomputed from the store equals the one recorded when the run ended (and the one the run reported, when given),
 * and that the market data files still give the digest the run recorded.
 */
final class JournalVerification {
    private JournalVerification() {}

    static List<String> check(String jdbcUrl, String runId, String expectedDigest, MarketDataFeedPort data) {
        List<String> problems = new ArrayList<>();
        RunRecord run = EventJournals.run(jdbcUrl, runId);
        if (run == null) {
            problems.add("no journal of run '" + runId + "' here");
            return problems;
        }
        String marketDigest = EventJournals.marketDigest(jdbcUrl, runId);
        JournalReader.Recomputed stored = new JournalReader(jdbcUrl, runId).recompute(marketDigest, run.marketEvents());
        boolean ended =
                !run.status().equals(RunRegistry.RUNNING) && !run.status().equals(RunRegistry.INTERRUPTED);
        if (!ended) {
            problems.add("the run did not end (" + run.status() + "): its journal holds the committed prefix up to"
                    + " sequence " + run.lastSequence());
        }
        if (stored.firstHole() != 0) {
            problems.add("the journal has a hole: sequence " + stored.firstHole() + " is missing below later events");
        }
        if (stored.lastSequence() != run.lastSequence()) {
            problems.add("the store's blocks reach sequence " + stored.lastSequence() + ", the registry recorded "
                    + run.lastSequence() + " as committed: "
                    + (stored.lastSequence() < run.lastSequence() ? "events are missing" : "events were added"));
        }
        if (stored.storedEvents() != run.storedEvents()) {
            problems.add("the store holds " + stored.storedEvents() + " events, the registry recorded "
                    + run.storedEvents() + ": "
                    + (stored.storedEvents() < run.storedEvents() ? "an event is missing" : "an event was added"));
        }
        if (stored.marketEvents() != run.marketEvents()) {
            problems.add("the blocks leave " + stored.marketEvents() + " numbers to market events, the run had "
                    + run.marketEvents() + ": "
                    + (stored.marketEvents() > run.marketEvents() ? "an event is missing" : "an event was added"));
        }
        if (ended && run.digest() != null && !stored.digest().equals(run.digest())) {
            problems.add("the digest recomputed from the store, " + stored.digest() + ", differs from the one recorded"
                    + " when the run ended, " + run.digest() + ": a stored event was changed, added or removed");
        }
        if (expectedDigest != null && !stored.digest().equals(expectedDigest)) {
            problems.add("the digest recomputed from the store, " + stored.digest() + ", differs from the run's "
                    + expectedDigest + ": a stored event was changed, added or removed");
        }
        if (data != null && marketDigest != null) {
            MarketDataDigest files = new MarketDataDigest();
            // a service replays its files for as long as it runs: its market data is the files' first records
            boolean prefix = "service".equals(run.kind());
            try (data) {
                while (data.hasNext() && (!prefix || files.events() < run.marketEvents())) {
                    files.add(MarketEvent.of(0, data.next()));
                }
            }
            if (prefix && (files.events() != run.marketEvents() || !files.hex().equals(marketDigest))) {
                problems.add("the first " + run.marketEvents() + " records of the market data files give "
                        + files.events()
                        + " events with digest " + files.hex() + ", the service took " + run.marketEvents() + " with "
                        + marketDigest + ": the data changed since the run");
            } else if (!prefix
                    && (files.events() != run.marketEvents() || !files.hex().equals(marketDigest))) {
                problems.add("the market data files give " + files.events() + " events with digest " + files.hex()
                        + ", the run recorded " + run.marketEvents() + " with " + marketDigest
                        + ": the data changed since the run");
            }
        }
        return problems;
    }
}
