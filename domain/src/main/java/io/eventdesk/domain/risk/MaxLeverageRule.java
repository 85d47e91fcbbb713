package io.eventdesk.domain.risk;

import io.eventdesk.domain.event.RuleCheck;
import io.eventdesk.domain.order.OrderRequest;
import io.eventdesk.domain.portfolio.PortfolioView;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Leverage, gross exposure / equity after the order (open orders counted), stays within {@code risk.max-leverage}.
 * An order that does not add exposure ({@link io.eventdesk.domain.portfolio.PositionChange#addsExposure()}) always
 * passes. This is the one limit on gross exposure: the former {@code risk.max-gross-exposure} computed the same ratio.
 */
public final class MaxLeverageRule extends PricedLimitRule {
    @Override
    public String name() {
        return "max-leverage";
    }

    @Override
    public String code() {
        return "MAX_LEVERAGE_EXCEEDED";
    }

    @Override
    Optional<BigDecimal> limit(RiskLimits limits) {
        return limits.maxLeverage();
    }

    @Override
    RuleCheck check(OrderRequest request, RiskContext context, BigDecimal limit) {
        PortfolioView portfolio = context.portfolio();
        long held = Math.abs(
                context.valueInBase(portfolio.position(context.instrument().id())));
        long projected = Math.abs(context.projectedValue(request.signedQuantity()));
        long gross = Math.addExact(portfolio.grossExposure().units() - held, projected);
        long equity = portfolio.equity().units();
        if (!context.change(request.signedQuantity()).addsExposure()) {
            return pass(() -> "gross exposure would be " + ExposureRatios.money(gross) + ", not more than now");
        }
        if (equity <= 0) {
            return fail(() -> "equity " + ExposureRatios.money(equity) + " is not positive; no exposure can be added");
        }
        String text = "leverage would be ";
        return ExposureRatios.above(gross, equity, limit)
                ? fail(() -> text + ExposureRatios.describe("gross exposure", gross, equity) + " > limit "
                        + limit.toPlainString())
                : pass(() -> text + ExposureRatios.describe("gross exposure", gross, equity) + " <= limit "
                        + limit.toPlainString());
    }
}
