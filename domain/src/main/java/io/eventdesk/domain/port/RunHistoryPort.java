package io.eventdesk.domain.port;

import io.eventdesk.domain.event.Event;
import io.eventdesk.domain.event.OrderFilled;
import java.util.List;

/**
 * A finished run read back from its journal, as much as rebuilding its portfolio needs: the fills, and where the
 * market events fell in the run's sequence (the journal keeps market data by digest, not row by row; the data itself
 * is read again from its files).
 */
public interface RunHistoryPort {
    /** The run's fills, in sequence order. */
    List<OrderFilled> fills();

    /** The sequence numbers the run gave its market events, ascending. */
    long[] marketEventSequences();

    /**
     * The stored events a run's results are computed from, in sequence order: {@code RunStarted}, every
     * {@code PortfolioValued}, {@code OrderFilled} and {@code RiskEvaluated}, and {@code RunFinished}.
     */
    List<Event> resultEvents();
}
