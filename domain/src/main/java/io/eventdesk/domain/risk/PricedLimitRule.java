package io.eventdesk.domain.risk;

import io.eventdesk.domain.event.RuleCheck;
import io.eventdesk.domain.order.OrderRequest;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * The preamble every rule that values an order against a limit shares: no limit set, nothing to check; no price
 * known to value the order, nothing to check here either ({@link ReferencePriceRule} denies such an order, once).
 */
abstract class PricedLimitRule implements RiskRule {
    @Override
    public final Optional<RuleCheck> evaluate(OrderRequest request, RiskContext context, RiskLimits limits) {
        Optional<BigDecimal> limit = limit(limits);
        if (limit.isEmpty() || context.referencePrice() == null) {
            return Optional.empty();
        }
        return Optional.of(check(request, context, limit.get()));
    }

    /** The rule's limit, if set. */
    abstract Optional<BigDecimal> limit(RiskLimits limits);

    /** The check of an order with a reference price against a set limit. */
    abstract RuleCheck check(OrderRequest request, RiskContext context, BigDecimal limit);
}
