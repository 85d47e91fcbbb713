package io.eventdesk.adapters.persistence;

import io.eventdesk.domain.event.MarketEvent;
import io.eventdesk.domain.port.MarketDataFeedPort;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * Checks a run's journal: that it ends ({@code RunFinished} or {@code RunFailed}), that its sequence has no hole but
 * the run's market events, that the digest recomputed from the store equals the one the run reported, and that the
 * market data files still give the digest the run recorded.
 */
final class JournalVerification {
    private JournalVerification() {}

    static List<String> check(String jdbcUrl, String runId, String expectedDigest, MarketDataFeedPort data) {
        List<String> problems = new ArrayList<>();
        JournalReader reader = new JournalReader(jdbcUrl, runId);
        List<JournalReader.Stored> items = reader.items();
        if (items.isEmpty()) {
            problems.add("no journal of run '" + runId + "' here");
            return problems;
        }
        JournalReader.Stored last = items.get(items.size() - 1);
        if (!last.type().equals("RunFinished") && !last.type().equals("RunFailed")) {
            problems.add("the journal does not end: its last event is " + last.type() + " at sequence "
                    + last.sequence() + " (the run was interrupted)");
        }
        List<Map<String, Object>> market = Jdbi.create(jdbcUrl)
                .withHandle(h -> h.createQuery("SELECT events, digest FROM journal_market_data WHERE run_id = :r")
                        .bind("r", runId)
                        .mapToMap()
                        .list());
        long marketEvents = market.isEmpty() ? 0 : ((Number) market.get(0).get("events")).longValue();
        long gaps = last.sequence() - items.size();
        if (gaps != marketEvents) {
            problems.add("the sequence has " + gaps + " numbers that are not stored events, the run had " + marketEvents
                    + " market events: " + (gaps > marketEvents ? "an event is missing" : "an event was added"));
        }
        String digest = reader.digest();
        if (expectedDigest != null && !digest.equals(expectedDigest)) {
            problems.add("the digest recomputed from the store, " + digest + ", differs from the run's "
                    + expectedDigest + ": a stored event was changed, added or removed");
        }
        if (data != null && !market.isEmpty()) {
            MarketDataDigest files = new MarketDataDigest();
            try (data) {
                while (data.hasNext()) {
                    files.add(MarketEvent.of(0, data.next()));
                }
            }
            String recorded = String.valueOf(market.get(0).get("digest"));
            if (files.events() != marketEvents || !files.hex().equals(recorded)) {
                problems.add("the market data files give " + files.events() + " events with digest " + files.hex()
                        + ", the run recorded " + marketEvents + " with " + recorded
                        + ": the data changed since the run");
            }
        }
        return problems;
    }
}
