package io.eventdesk.domain.risk;

import io.eventdesk.domain.event.RuleCheck;
import io.eventdesk.domain.instrument.InstrumentId;
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
            return Optional.of(pass(() -> "a sell raises cash"));
        }
        InstrumentId id = request.instrument();
        if (context.referencePrice() == null) {
            return Optional.of(fail(() -> "no price known for " + id + " to value the order"));
        }
        Money notional = context.instrument().notional(context.referencePrice(), request.quantity());
        Money fee = context.estimatedFee();
        Money need = notional.plus(fee);
        Money cash = context.portfolio().cash();
        Money reserved = context.reservedCash();
        Money available = cash.minus(reserved);
        return Optional.of(
                need.compareTo(available) > 0
                        ? fail(() -> needs(need, notional, fee) + " > " + has(available, cash, reserved))
                        : pass(() -> needs(need, notional, fee) + " <= " + has(available, cash, reserved)));
    }

    private static String needs(Money need, Money notional, Money fee) {
        return "buy needs " + need.amount() + " (notional " + notional.amount() + " + fee " + fee.amount() + ")";
    }

    private static String has(Money available, Money cash, Money reserved) {
        return "available cash " + available.amount() + " (cash " + cash.amount() + " - reserved " + reserved.amount()
                + ")";
    }
}
