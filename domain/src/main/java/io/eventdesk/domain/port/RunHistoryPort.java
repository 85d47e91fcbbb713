package io.eventdesk.domain.port;

import io.eventdesk.domain.event.Event;

/**
 * A finished run read back from its journal, as much as rebuilding its portfolio and its results needs, streamed in
 * sequence order so that memory does not grow with the run: where each market event fell (the journal keeps market
 * data by digest, not row by row; the data itself is read again from its files), and the stored events a run's
 * results are computed from — {@code RunStarted}, every {@code PortfolioValued}, {@code OrderFilled} and
 * {@code RiskEvaluated}, and {@code RunFinished} — and a session's inputs, {@code SignalReceived} and
 * {@code OperatorCommanded}, which re-run it.
 */
public interface RunHistoryPort {
    /** Streams the run to {@code listener}, in sequence order. */
    void replay(Listener listener);

    /** What {@link #replay} calls, once per item, in sequence order. */
    interface Listener {
        /** The run's next market event had this sequence number. */
        void marketEvent(long sequence);

        /** A stored event the results are computed from. */
        void stored(Event event);
    }
}
