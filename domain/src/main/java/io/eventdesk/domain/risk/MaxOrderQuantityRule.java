package io.eventdesk.domain.risk;

import io.eventdesk.domain.event.RuleCheck;
import io.eventdesk.domain.order.OrderRequest;
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
        return limits.maxOrderQuantity().map(limit -> {
            String values = request.instrument() + " order quantity " + request.quantity();
            return request.quantity().compareTo(limit) > 0
                    ? fail(values + " > limit " + limit)
                    : pass(values + " <= limit " + limit);
        });
    }
}
