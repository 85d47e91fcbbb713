package io.eventdesk.domain.risk;

import io.eventdesk.domain.event.RuleCheck;
import io.eventdesk.domain.order.OrderRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * The final gate before execution: evaluates every rule on a request (not only up to the first failure) so the
 * journal can explain each decision in full.
 */
public final class RiskEngine {
    private final List<RiskRule> rules;
    private final RiskLimits limits;

    public RiskEngine(List<RiskRule> rules, RiskLimits limits) {
        this.rules = List.copyOf(rules);
        this.limits = limits;
    }

    /** The standard rules, in the order they are reported. */
    public static RiskEngine standard(RiskLimits limits) {
        return new RiskEngine(
                List.of(
                        new TradingStateRule(),
                        new ReferencePriceRule(),
                        new ThrottleRule(),
                        new MaxOrderQuantityRule(),
                        new MaxOrderNotionalRule(),
                        new PriceBandRule(),
                        new MaxPositionRule(),
                        new MaxNetExposureRule(),
                        new MaxConcentrationRule(),
                        new MaxLeverageRule(),
                        new MaxDrawdownRule(),
                        new DailyLossRule(),
                        new ShortSaleRule(),
                        new CashSufficiencyRule(),
                        new MarginSufficiencyRule()),
                limits);
    }

    public RiskDecision check(OrderRequest request, RiskContext context) {
        List<RuleCheck> checks = new ArrayList<>(rules.size());
        RiskLimits applicable = limits.applicableTo(request.strategyId(), request.instrument());
        for (RiskRule rule : rules) {
            rule.evaluate(request, context, applicable).ifPresent(checks::add);
        }
        return new RiskDecision(checks);
    }
}
