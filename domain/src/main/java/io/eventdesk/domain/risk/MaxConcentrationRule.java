package io.eventdesk.domain.risk;

import io.eventdesk.domain.event.RuleCheck;
import io.eventdesk.domain.instrument.InstrumentId;
import io.eventdesk.domain.order.OrderRequest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * One instrument's share of gross exposure after the order stays within {@code risk.max-concentration}. An order
 * that does not add exposure in the instrument always passes.
 */
public final class MaxConcentrationRule extends PricedLimitRule {
    @Override
    public String name() {
        return "max-concentration";
    }

    @Override
    public String code() {
        return "MAX_CONCENTRATION_EXCEEDED";
    }

    @Override
    Optional<BigDecimal> limit(RiskLimits limits) {
        return limits.maxConcentration();
    }

    @Override
    RuleCheck check(OrderRequest request, RiskContext context, BigDecimal limit) {
        InstrumentId id = request.instrument();
        long value = Math.abs(context.projectedValue(request.signedQuantity()));
        long gross = context.exposureWith(context.projectedValue(request.signedQuantity()))[1];
        if (!context.change(request.signedQuantity()).addsExposure() || gross == 0) {
            return pass(() ->
                    id + " exposure would be " + ExposureRatios.money(value) + "; the order does not add exposure");
        }
        boolean over = BigDecimal.valueOf(value).compareTo(limit.multiply(BigDecimal.valueOf(gross))) > 0;
        return over
                ? fail(() -> describe(id, value, gross) + " > limit " + limit.toPlainString())
                : pass(() -> describe(id, value, gross) + " <= limit " + limit.toPlainString());
    }

    private static String describe(InstrumentId id, long value, long gross) {
        BigDecimal share = BigDecimal.valueOf(value).divide(BigDecimal.valueOf(gross), 4, RoundingMode.HALF_EVEN);
        return id + " would be " + share.stripTrailingZeros().toPlainString() + " of gross exposure ("
                + ExposureRatios.money(value) + " / " + ExposureRatios.money(gross) + ")";
    }
}
