package io.eventdesk.domain.risk;

import io.eventdesk.domain.event.RuleCheck;
import io.eventdesk.domain.order.OrderRequest;
import io.eventdesk.domain.value.Money;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Once the loss since the session start (realized + unrealized: the fall in equity; with the desk's other processes'
 * when the state is shared, {@link RiskContext#deskDailyPnl()}) exceeds
 * {@code risk.daily-loss-limit}, only orders that reduce a position toward zero
 * ({@link io.eventdesk.domain.portfolio.PositionChange#reducesTowardZero()}) pass.
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
        Money desk = context.deskDailyPnl();
        String text = "loss since the session start " + desk.negate().amount()
                + (context.othersDailyPnl().isZero()
                        ? ""
                        : " (this process "
                                + context.portfolio().dailyPnl().negate().amount() + ", the desk's other processes "
                                + context.othersDailyPnl().negate().amount() + ")");
        if (!breached(desk, limit)) {
            return Optional.of(pass(() -> text + " <= limit " + limit.toPlainString()));
        }
        return Optional.of(
                context.change(request.signedQuantity()).reducesTowardZero()
                        ? pass(() -> text + " > limit " + limit.toPlainString()
                                + ", but the order reduces the position toward zero")
                        : fail(() -> text + " > limit " + limit.toPlainString()
                                + " and the order does not reduce the position toward zero"));
    }

    /**
     * Whether the loss since the session start (the negated daily PnL) exceeds {@code limit}: the one comparison,
     * used by this rule and by the kill switch's breach action.
     */
    public static boolean breached(Money dailyPnl, BigDecimal limit) {
        return dailyPnl.negate().toBigDecimal().compareTo(limit) > 0;
    }
}
