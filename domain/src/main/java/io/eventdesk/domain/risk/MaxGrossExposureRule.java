package io.eventdesk.domain.risk;

import io.eventdesk.domain.event.RuleCheck;
import io.eventdesk.domain.instrument.InstrumentId;
import io.eventdesk.domain.order.OrderRequest;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Gross exposure after the order (open orders counted), as a fraction of equity, stays within
 * {@code risk.max-gross-exposure}. An order that does not add exposure always passes.
 */
public final class MaxGrossExposureRule implements RiskRule {
    @Override
    public String name() {
        return "max-gross-exposure";
    }

    @Override
    public String code() {
        return "MAX_GROSS_EXPOSURE_EXCEEDED";
    }

    @Override
    public Optional<RuleCheck> evaluate(OrderRequest request, RiskContext context, RiskLimits limits) {
        Optional<BigDecimal> configured = limits.maxGrossExposure();
        if (configured.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal limit = configured.get();
        InstrumentId id = request.instrument();
        if (context.referencePrice() == null) {
            return Optional.of(fail(() -> "no price known for " + id + " to value the order"));
        }
        long gross = context.exposureWith(context.projectedValue(request.signedQuantity()))[1];
        long equity = context.portfolio().equity().units();
        if (!context.addsExposure(request.signedQuantity())) {
            return Optional.of(pass(() ->
                    "gross exposure would be " + ExposureRatios.money(gross) + "; the order does not add exposure"));
        }
        if (equity <= 0) {
            return Optional.of(fail(() -> "equity " + ExposureRatios.money(equity) + " is not positive"));
        }
        String text = "gross exposure would be ";
        return Optional.of(
                ExposureRatios.above(gross, equity, limit)
                        ? fail(() -> text + ExposureRatios.describe("gross", gross, equity) + " > limit "
                                + limit.toPlainString())
                        : pass(() -> text + ExposureRatios.describe("gross", gross, equity) + " <= limit "
                                + limit.toPlainString()));
    }
}
