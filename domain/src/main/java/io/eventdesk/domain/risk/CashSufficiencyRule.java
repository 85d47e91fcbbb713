package io.eventdesk.domain.risk;

import io.eventdesk.domain.event.RuleCheck;
import io.eventdesk.domain.instrument.Instrument;
import io.eventdesk.domain.instrument.InstrumentId;
import io.eventdesk.domain.instrument.Settlement;
import io.eventdesk.domain.order.OrderRequest;
import io.eventdesk.domain.portfolio.AccountType;
import io.eventdesk.domain.value.Money;
import io.eventdesk.domain.value.Side;
import java.util.Optional;

/**
 * A cash account never goes negative: a buy's notional plus its fee must fit in the cash of its quote currency not
 * already reserved by open buy orders, and selling an FX pair needs the base currency it delivers. Checked for cash
 * accounts.
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
        if (context.portfolio().accountType() != AccountType.CASH) {
            return Optional.empty(); // a margin account borrows: margin sufficiency decides
        }
        Instrument ins = context.instrument();
        InstrumentId id = request.instrument();
        if (request.side() == Side.SELL) {
            if (ins.settlement() != Settlement.CURRENCY_EXCHANGE) {
                return Optional.of(pass(() -> "a sell raises cash"));
            }
            // selling a pair pays with its base currency
            Money need = ins.baseDelivered(request.quantity());
            Money has = context.portfolio().cash(ins.baseCurrency());
            return Optional.of(
                    need.compareTo(has) > 0
                            ? fail(() -> "selling " + id + " needs " + need + " > balance " + has)
                            : pass(() -> "selling " + id + " needs " + need + " <= balance " + has));
        }
        if (context.referencePrice() == null) {
            return Optional.empty(); // the reference-price rule denies it
        }
        Money notional = ins.cashToBuy(context.referencePrice(), request.quantity());
        Money fee = context.estimatedFee();
        Money need = notional.plus(fee);
        Money cash = context.portfolio().cash(ins.currency());
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
