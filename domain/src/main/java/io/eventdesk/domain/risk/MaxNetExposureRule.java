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
public final class MaxNetExposureRule implements RiskRule {
    @Override
    public String name() {
        return "max-net-exposure";
    }

    @Override
    public String code() {
        return "MAX_NET_EXPOSURE_EXCEEDED";
    }

    @Override
    public Optional<RuleCheck> evaluate(OrderRequest request, RiskContext context, RiskLimits limits) {
        Optional<BigDecimal> configured = limits.maxNetExposure();
        if (configured.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal limit = configured.get();
        InstrumentId id = request.instrument();
        if (context.referencePrice() == null) {
            return Optional.of(fail(() -> "no price known for " + id + " to value the order"));
        }
        long before = Math.abs(context.exposureWith(context.committedValue())[0]);
        long after = Math.abs(context.exposureWith(context.projectedValue(request.signedQuantity()))[0]);
        long equity = context.portfolio().equity().units();
        if (after <= before) {
            return Optional.of(
                    pass(() -> "net exposure would be " + ExposureRatios.money(after) + ", not further from 0"));
        }
        if (equity <= 0) {
            return Optional.of(fail(() -> "equity " + ExposureRatios.money(equity) + " is not positive"));
        }
        String text = "net exposure would be ";
        return Optional.of(
                ExposureRatios.above(after, equity, limit)
                        ? fail(() -> text + ExposureRatios.describe("|net|", after, equity) + " > limit "
                                + limit.toPlainString())
                        : pass(() -> text + ExposureRatios.describe("|net|", after, equity) + " <= limit "
                                + limit.toPlainString()));
    }
}
