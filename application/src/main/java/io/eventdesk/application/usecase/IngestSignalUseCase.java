package io.eventdesk.application.usecase;

import io.eventdesk.domain.signal.ExternalSignal;

/**
 * Takes one signal from outside into a running desk: stamped with the desk's clock, journaled, routed, judged by the
 * risk engine. A signal id seen before is never traded again: the same signal gets its first decision back; the
 * same id with other contents is refused.
 */
public interface IngestSignalUseCase {
    /**
     * @throws SignalConflict when the id was seen with other contents
     */
    SignalDecision ingest(ExternalSignal signal);

    /** The decision about a signal id seen before, or null. */
    SignalDecision decisionOf(String signalId);

    /** The decisions whose signal's sequence number is above {@code sequence}, oldest first, at most {@code limit}. */
    java.util.List<SignalDecision> decisionsSince(long sequence, int limit);

    /** Raised when a signal id comes back with other contents than the first time. */
    final class SignalConflict extends RuntimeException {
        public SignalConflict(String signalId) {
            super("signal_id " + signalId + " was received before with other contents");
        }
    }
}
