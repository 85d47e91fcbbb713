package io.eventdesk.domain.risk;

import io.eventdesk.domain.event.RuleCheck;
import io.eventdesk.domain.order.OrderRequest;
import java.util.Optional;

/** One strategy may send at most {@code risk.throttle.orders} orders in any {@code per-seconds} interval. */
public final class ThrottleRule implements RiskRule {
    @Override
    public String name() {
        return "throttle";
    }

    @Override
    public String code() {
        return "THROTTLE_EXCEEDED";
    }

    @Override
    public Optional<RuleCheck> evaluate(OrderRequest request, RiskContext context, RiskLimits limits) {
        return limits.throttle().map(t -> {
            int would = context.recentOrders() + 1;
            String strategy = request.strategyId();
            String text =
                    strategy + " would send " + would + " orders in " + t.per().toSeconds() + " s";
            return would > t.orders()
                    ? fail(() -> text + " > limit " + t.orders())
                    : pass(() -> text + " <= limit " + t.orders());
        });
    }
}
