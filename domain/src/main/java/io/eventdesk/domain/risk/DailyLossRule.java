package io.eventdesk.domain.risk;

import io.eventdesk.domain.event.RuleCheck;
import io.eventdesk.domain.order.OrderRequest;
import io.eventdesk.domain.value.Money;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Once the loss since the session start (realized + unrealized: the fall in equity) exceeds
 * {@code risk.daily-loss-limit}, only orders that reduce exposure pass.
 */
public final class DailyLossRule implements RiskRule {
    @Override
    public String name() {
        return "daily-loss-limit";
    }

    @Override
    public String code() {
        return "DAILY_LOSS_LIMIT_EXCEEDED";
    }

    @Override
    public Optional<RuleCheck> evaluate(OrderRequest request, RiskContext context, RiskLimits limits) {
        Optional<BigDecimal> configured = limits.dailyLossLimit();
        if (configured.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal limit = configured.get();
        Money loss = context.sessionStartEquity().minus(context.portfolio().equity());
        String text = "loss since the session start " + loss.amount();
        if (loss.toBigDecimal().compareTo(limit) <= 0) {
            return Optional.of(pass(() -> text + " <= limit " + limit.toPlainString()));
        }
        return Optional.of(
                context.addsExposure(request.signedQuantity())
                        ? fail(() -> text + " > limit " + limit.toPlainString() + " and the order adds exposure")
                        : pass(() -> text + " > limit " + limit.toPlainString() + ", but the order reduces exposure"));
    }
}
