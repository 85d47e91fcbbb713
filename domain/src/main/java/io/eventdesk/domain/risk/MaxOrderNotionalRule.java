package io.eventdesk.domain.risk;

import io.eventdesk.domain.event.RuleCheck;
import io.eventdesk.domain.instrument.InstrumentId;
import io.eventdesk.domain.order.OrderRequest;
import io.eventdesk.domain.value.Money;
import java.math.BigDecimal;
import java.util.Optional;

/** No single order worth more than {@code risk.max-order-notional} at its reference price. */
public final class MaxOrderNotionalRule extends PricedLimitRule {
    @Override
    public String name() {
        return "max-order-notional";
    }

    @Override
    public String code() {
        return "MAX_ORDER_NOTIONAL_EXCEEDED";
    }

    @Override
    Optional<BigDecimal> limit(RiskLimits limits) {
        return limits.maxOrderNotional();
    }

    @Override
    RuleCheck check(OrderRequest request, RiskContext context, BigDecimal limit) {
        InstrumentId id = request.instrument();
        // in the account's currency
        Money notional =
                new Money(context.portfolio().baseCurrency(), Math.abs(context.valueInBase(request.quantity())));
        return notional.toBigDecimal().compareTo(limit) > 0
                ? fail(() -> id + " order notional " + notional.amount() + " > limit " + limit.toPlainString())
                : pass(() -> id + " order notional " + notional.amount() + " <= limit " + limit.toPlainString());
    }
}
