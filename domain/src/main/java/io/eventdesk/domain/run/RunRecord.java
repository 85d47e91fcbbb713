package io.eventdesk.domain.run;

import java.time.Instant;

/**
 * One run as a journal store knows it.
 *
 * @param status {@code FINISHED} (ends in RunFinished), {@code STOPPED} (RunFailed because the user stopped it),
 *     {@code FAILED} (any other RunFailed), or {@code UNFINISHED} (no end: running now, or interrupted)
 * @param started the simulated time of its first event; {@code ended} of its last
 * @param events the stored events (market data aside)
 * @param digest the journal digest recomputed from the store
 * @param reason a failed or stopped run's reason, else null
 */
public record RunRecord(
        String id, String status, Instant started, Instant ended, long events, String digest, String reason) {}
