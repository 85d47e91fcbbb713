package io.eventdesk.domain.risk;

import io.eventdesk.domain.event.RuleCheck;
import io.eventdesk.domain.instrument.InstrumentId;
import io.eventdesk.domain.order.OrderRequest;
import io.eventdesk.domain.value.Quantity;
import java.util.Optional;

/** No single order larger than {@code risk.max-order-quantity}. */
public final class MaxOrderQuantityRule implements RiskRule {
    @Override
    public String name() {
        return "max-order-quantity";
    }

    @Override
    public String code() {
        return "MAX_ORDER_QUANTITY_EXCEEDED";
    }

    @Override
    public Optional<RuleCheck> evaluate(OrderRequest request, RiskContext context, RiskLimits limits) {
        Optional<Quantity> limit = limits.maxOrderQuantity();
        if (limit.isEmpty()) {
            return Optional.empty();
        }
        Quantity max = limit.get();
        InstrumentId id = request.instrument();
        Quantity q = request.quantity();
        return Optional.of(
                q.compareTo(max) > 0
                        ? fail(() -> id + " order quantity " + q + " > limit " + max)
                        : pass(() -> id + " order quantity " + q + " <= limit " + max));
    }
}
