package io.eventdesk.domain.risk;

import io.eventdesk.domain.event.RuleCheck;
import io.eventdesk.domain.instrument.InstrumentId;
import io.eventdesk.domain.order.OrderRequest;
import io.eventdesk.domain.value.Quantity;
import java.util.Optional;

/**
 * The absolute position in an instrument, counting open orders, stays within {@code risk.max-position} (the
 * instrument's own limit, else the {@code default} one). An
 * order that brings the position closer to zero always passes.
 */
public final class MaxPositionRule implements RiskRule {
    @Override
    public String name() {
        return "max-position";
    }

    @Override
    public String code() {
        return "MAX_POSITION_EXCEEDED";
    }

    @Override
    public Optional<RuleCheck> evaluate(OrderRequest request, RiskContext context, RiskLimits limits) {
        Optional<Quantity> configured = limits.maxPositionOf(request.instrument());
        if (configured.isEmpty()) {
            return Optional.empty();
        }
        Quantity limit = configured.get();
        InstrumentId id = request.instrument();
        Quantity before = context.committedPosition().abs();
        Quantity after = context.projectedPosition(request.signedQuantity()).abs();
        if (after.compareTo(limit) <= 0) {
            return Optional.of(pass(() -> id + " position would be " + after + " <= limit " + limit));
        }
        if (after.compareTo(before) < 0) {
            return Optional.of(
                    pass(() -> id + " position would be " + after + " > limit " + limit + ", but down from " + before));
        }
        return Optional.of(fail(() -> id + " position would be " + after + " > limit " + limit));
    }
}
