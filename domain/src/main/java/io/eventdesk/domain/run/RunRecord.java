package io.eventdesk.domain.run;

import java.time.Instant;

/**
 * One run as a journal store's registry knows it.
 *
 * @param status {@code RUNNING} (its writer is alive), {@code FINISHED}, {@code STOPPED} (by the user), {@code FAILED}
 *     (with the reason), or {@code INTERRUPTED} (registered as running, but no live writer holds it: the process
 *     died; its journal is the committed prefix)
 * @param startedAt when the run started, wall clock; {@code endedAt} when it ended (null while running or when
 *     interrupted)
 * @param firstMarket the simulated time of its first market event; {@code lastMarket} of its last (null until known)
 * @param lastSequence every sequence number up to this one is committed
 * @param storedEvents the stored events (market data and marks aside)
 * @param digest the journal digest recorded when the run ended; null before
 * @param reason a failed or stopped run's reason, else null
 */
public record RunRecord(
        String id,
        String name,
        String kind,
        String status,
        String reason,
        Instant startedAt,
        Instant endedAt,
        Instant firstMarket,
        Instant lastMarket,
        long lastSequence,
        long storedEvents,
        long marketEvents,
        String digest,
        Long seed,
        String configDigest,
        String codeVersion) {}
