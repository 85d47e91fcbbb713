package io.eventdesk.domain.risk;

import io.eventdesk.domain.event.RuleCheck;
import io.eventdesk.domain.instrument.InstrumentId;
import io.eventdesk.domain.order.OrderRequest;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * The absolute net exposure after the order (open orders counted), as a fraction of equity, stays within
 * {@code risk.max-net-exposure}. An order that brings net exposure toward zero always passes.
 */
public final class MaxNetExposureRule extends PricedLimitRule {
    @Override
    public String name() {
        return "max-net-exposure";
    }

    @Override
    public String code() {
        return "MAX_NET_EXPOSURE_EXCEEDED";
    }

    @Override
    Optional<BigDecimal> limit(RiskLimits limits) {
        return limits.maxNetExposure();
    }

    @Override
    RuleCheck check(OrderRequest request, RiskContext context, BigDecimal limit) {
        InstrumentId id = request.instrument();
        long before = Math.abs(context.exposureWith(context.committedValue())[0]);
        long after = Math.abs(context.exposureWith(context.projectedValue(request.signedQuantity()))[0]);
        long equity = context.portfolio().equity().units();
        if (after <= before) {
            return pass(() -> "net exposure would be " + ExposureRatios.money(after) + ", not further from 0");
        }
        if (equity <= 0) {
            return fail(() -> "equity " + ExposureRatios.money(equity) + " is not positive");
        }
        String text = "net exposure would be ";
        return ExposureRatios.above(after, equity, limit)
                ? fail(() ->
                        text + ExposureRatios.describe("|net|", after, equity) + " > limit " + limit.toPlainString())
                : pass(() ->
                        text + ExposureRatios.describe("|net|", after, equity) + " <= limit " + limit.toPlainString());
    }
}
