package io.eventdesk.domain.risk;

import io.eventdesk.domain.event.RuleCheck;
import io.eventdesk.domain.instrument.InstrumentId;
import io.eventdesk.domain.order.OrderRequest;
import io.eventdesk.domain.value.Money;
import java.math.BigDecimal;
import java.util.Optional;

/** No single order worth more than {@code risk.max-order-notional} at its reference price. */
public final class MaxOrderNotionalRule implements RiskRule {
    @Override
    public String name() {
        return "max-order-notional";
    }

    @Override
    public String code() {
        return "MAX_ORDER_NOTIONAL_EXCEEDED";
    }

    @Override
    public Optional<RuleCheck> evaluate(OrderRequest request, RiskContext context, RiskLimits limits) {
        Optional<BigDecimal> configured = limits.maxOrderNotional();
        if (configured.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal limit = configured.get();
        InstrumentId id = request.instrument();
        if (context.referencePrice() == null) {
            return Optional.of(fail(() -> "no price known for " + id + " to value the order"));
        }
        // in the account's currency
        Money notional =
                new Money(context.portfolio().baseCurrency(), Math.abs(context.valueInBase(request.quantity())));
        return Optional.of(
                notional.toBigDecimal().compareTo(limit) > 0
                        ? fail(() -> id + " order notional " + notional.amount() + " > limit " + limit.toPlainString())
                        : pass(() ->
                                id + " order notional " + notional.amount() + " <= limit " + limit.toPlainString()));
    }
}
