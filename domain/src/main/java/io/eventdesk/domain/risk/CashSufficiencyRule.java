package io.eventdesk.domain.risk;

import io.eventdesk.domain.event.RuleCheck;
import io.eventdesk.domain.order.OrderRequest;
import io.eventdesk.domain.value.Money;
import io.eventdesk.domain.value.Side;
import java.util.Optional;

/**
 * A cash account never goes negative: a buy's notional plus its fee must fit in the cash not already reserved
 * by open buy orders. Always checked.
 */
public final class CashSufficiencyRule implements RiskRule {
    @Override
    public String name() {
        return "cash-sufficiency";
    }

    @Override
    public String code() {
        return "INSUFFICIENT_CASH";
    }

    @Override
    public Optional<RuleCheck> evaluate(OrderRequest request, RiskContext context, RiskLimits limits) {
        if (request.side() == Side.SELL) {
            return Optional.of(pass("a sell raises cash"));
        }
        if (context.referencePrice() == null) {
            return Optional.of(fail("no price known for " + request.instrument() + " to value the order"));
        }
        Money notional = context.instrument().notional(context.referencePrice(), request.quantity());
        Money need = notional.plus(context.estimatedFee());
        Money cash = context.portfolio().cash();
        Money available = cash.minus(context.reservedCash());
        String values = "buy needs " + need.amount() + " (notional " + notional.amount() + " + fee "
                + context.estimatedFee().amount() + ")";
        String has = "available cash " + available.amount() + " (cash " + cash.amount() + " - reserved "
                + context.reservedCash().amount() + ")";
        return Optional.of(need.compareTo(available) > 0 ? fail(values + " > " + has) : pass(values + " <= " + has));
    }
}
