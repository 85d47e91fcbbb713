package io.eventdesk.application.usecase;

import java.time.Instant;

/**
 * What the desk decided about one signal from outside, read from the events its routing published.
 *
 * @param outcome APPROVED (an order was sent to the venue), DENIED (the risk engine refused the order: code, rule
 *     and the numbers in {@code detail}) or NONE (no order was needed or possible: {@code reason})
 * @param sequence the sequence number of the signal's {@code SignalRaised} in the journal
 * @param time when the desk took the signal (the service clock's stamp)
 * @param orderId the order's id when one was created (APPROVED or DENIED), else null
 * @param repeated whether this answers a signal id seen before: the first decision, not traded again
 */
public record SignalDecision(
        String signalId,
        Outcome outcome,
        long sequence,
        Instant time,
        String orderId,
        String code,
        String rule,
        String detail,
        String reason,
        boolean repeated) {

    public enum Outcome {
        APPROVED,
        DENIED,
        NONE
    }

    /** The same decision, answering a repeat of its signal. */
    public SignalDecision asRepeat() {
        return new SignalDecision(signalId, outcome, sequence, time, orderId, code, rule, detail, reason, true);
    }
}
