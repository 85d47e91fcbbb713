package io.eventdesk.domain.event;

import io.eventdesk.domain.instrument.InstrumentId;
import io.eventdesk.domain.order.OrderId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The risk engine's decision on one order request: every rule evaluated, passed or failed, with its numbers.
 */
public record RiskEvaluated(
        long sequence,
        Instant time,
        OrderId orderId,
        String strategyId,
        long signalSequence,
        InstrumentId instrument,
        boolean approved,
        List<RuleCheck> checks)
        implements RiskEvent {

    public RiskEvaluated {
        checks = List.copyOf(checks);
    }

    /** The first failed rule, if the request was denied. */
    public Optional<RuleCheck> firstFailure() {
        return checks.stream().filter(c -> !c.passed()).findFirst();
    }
}
