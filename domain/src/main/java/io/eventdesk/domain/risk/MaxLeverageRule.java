package io.eventdesk.domain.risk;

import io.eventdesk.domain.event.RuleCheck;
import io.eventdesk.domain.order.OrderRequest;
import io.eventdesk.domain.value.Money;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Gross exposure / equity after the order (open orders counted) stays within {@code risk.max-leverage}. An
 * order that lowers gross exposure always passes.
 */
public final class MaxLeverageRule implements RiskRule {
    @Override
    public String name() {
        return "max-leverage";
    }

    @Override
    public String code() {
        return "MAX_LEVERAGE_EXCEEDED";
    }

    @Override
    public Optional<RuleCheck> evaluate(OrderRequest request, RiskContext context, RiskLimits limits) {
        return limits.maxLeverage().map(limit -> {
            if (context.referencePrice() == null) {
                return fail("no price known for " + request.instrument() + " to value the order");
            }
            var portfolio = context.portfolio();
            var ins = context.instrument();
            Money current = ins.signedValue(context.referencePrice(), context.committedPosition())
                    .abs();
            Money projected = ins.signedValue(
                            context.referencePrice(), context.projectedPosition(request.signedQuantity()))
                    .abs();
            Money gross = portfolio
                    .grossExposure()
                    .minus(ins.signedValue(context.referencePrice(), portfolio.position(ins.id()))
                            .abs())
                    .plus(projected);
            Money equity = portfolio.equity();
            if (projected.compareTo(current) <= 0) {
                return pass("gross exposure would be " + gross.amount() + ", not more than now");
            }
            if (!equity.isPositive()) {
                return fail("equity " + equity.amount() + " is not positive; no exposure can be added");
            }
            BigDecimal leverage = gross.ratioTo(equity, 4).stripTrailingZeros();
            String values = "leverage would be " + leverage.toPlainString() + " (gross exposure " + gross.amount()
                    + " / equity " + equity.amount() + ")";
            return leverage.compareTo(limit) > 0
                    ? fail(values + " > limit " + limit.toPlainString())
                    : pass(values + " <= limit " + limit.toPlainString());
        });
    }
}
