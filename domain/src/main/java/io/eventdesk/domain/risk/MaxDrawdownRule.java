package io.eventdesk.domain.risk;

import io.eventdesk.domain.event.RuleCheck;
import io.eventdesk.domain.order.OrderRequest;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Once drawdown from peak equity exceeds {@code risk.max-drawdown}, only orders that reduce a position toward zero
 * ({@link io.eventdesk.domain.portfolio.PositionChange#reducesTowardZero()}) pass.
 */
public final class MaxDrawdownRule implements RiskRule {
    @Override
    public String name() {
        return "max-drawdown";
    }

    @Override
    public String code() {
        return "MAX_DRAWDOWN_EXCEEDED";
    }

    @Override
    public Optional<RuleCheck> evaluate(OrderRequest request, RiskContext context, RiskLimits limits) {
        Optional<BigDecimal> configured = limits.maxDrawdown();
        if (configured.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal limit = configured.get();
        BigDecimal drawdown = context.portfolio().drawdown();
        if (drawdown.compareTo(limit) <= 0) {
            return Optional.of(pass(() -> "drawdown " + plain(drawdown) + " <= limit " + limit.toPlainString()));
        }
        boolean reduces = context.change(request.signedQuantity()).reducesTowardZero();
        return Optional.of(
                reduces
                        ? pass(() -> "drawdown " + plain(drawdown) + " > limit " + limit.toPlainString()
                                + ", but the order reduces exposure")
                        : fail(() -> "drawdown " + plain(drawdown) + " > limit " + limit.toPlainString()
                                + " and the order does not reduce the position toward zero"));
    }

    private static String plain(BigDecimal v) {
        return v.signum() == 0 ? "0" : v.stripTrailingZeros().toPlainString();
    }
}
