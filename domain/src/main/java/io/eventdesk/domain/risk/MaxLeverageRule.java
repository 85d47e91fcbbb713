package io.eventdesk.domain.risk;

import io.eventdesk.domain.event.RuleCheck;
import io.eventdesk.domain.instrument.Instrument;
import io.eventdesk.domain.instrument.InstrumentId;
import io.eventdesk.domain.order.OrderRequest;
import io.eventdesk.domain.portfolio.PortfolioView;
import io.eventdesk.domain.value.FixedPoint;
import io.eventdesk.domain.value.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
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
        Optional<BigDecimal> configured = limits.maxLeverage();
        if (configured.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal limit = configured.get();
        InstrumentId id = request.instrument();
        if (context.referencePrice() == null) {
            return Optional.of(fail(() -> "no price known for " + id + " to value the order"));
        }
        PortfolioView portfolio = context.portfolio();
        Instrument ins = context.instrument();
        long current = Math.abs(context.valueInBase(context.committedPosition()));
        long projected = Math.abs(context.valueInBase(context.projectedPosition(request.signedQuantity())));
        long held = Math.abs(context.valueInBase(portfolio.position(ins.id())));
        long gross = Math.addExact(portfolio.grossExposure().units() - held, projected);
        long equity = portfolio.equity().units();
        if (projected <= current) {
            return Optional.of(pass(() -> "gross exposure would be " + money(gross) + ", not more than now"));
        }
        if (equity <= 0) {
            return Optional.of(fail(() -> "equity " + money(equity) + " is not positive; no exposure can be added"));
        }
        // gross / equity > limit  <=>  gross > limit × equity, exactly
        boolean over = BigDecimal.valueOf(gross).compareTo(limit.multiply(BigDecimal.valueOf(equity))) > 0;
        return Optional.of(
                over
                        ? fail(() -> describe(gross, equity) + " > limit " + limit.toPlainString())
                        : pass(() -> describe(gross, equity) + " <= limit " + limit.toPlainString()));
    }

    private static String describe(long gross, long equity) {
        BigDecimal leverage = BigDecimal.valueOf(gross).divide(BigDecimal.valueOf(equity), 4, RoundingMode.HALF_EVEN);
        return "leverage would be " + leverage.stripTrailingZeros().toPlainString() + " (gross exposure " + money(gross)
                + " / equity " + money(equity) + ")";
    }

    private static String money(long units) {
        return FixedPoint.toPlainString(units, Money.SCALE);
    }
}
