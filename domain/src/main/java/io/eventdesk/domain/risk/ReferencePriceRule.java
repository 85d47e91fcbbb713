package io.eventdesk.domain.risk;

import io.eventdesk.domain.event.RuleCheck;
import io.eventdesk.domain.order.OrderRequest;
import java.util.Optional;

/**
 * An order must have a price to be valued at: its limit, a stop's trigger, or the instrument's last price. A market
 * order for an instrument with no market data yet (an outside signal before the instrument's first bar, a strategy
 * trading one instrument on another's data) has none, and is denied {@code NO_REFERENCE_PRICE}: no limit, no cash or
 * margin check could say what it would cost. Silent when a price is known.
 */
public final class ReferencePriceRule implements RiskRule {
    @Override
    public String name() {
        return "reference-price";
    }

    @Override
    public String code() {
        return "NO_REFERENCE_PRICE";
    }

    @Override
    public Optional<RuleCheck> evaluate(OrderRequest request, RiskContext context, RiskLimits limits) {
        if (context.referencePrice() != null) {
            return Optional.empty();
        }
        return Optional.of(fail(() -> "no price known for " + request.instrument() + " to value a " + request.type()
                + " order: no market data for it yet"));
    }
}
