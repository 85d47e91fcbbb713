package io.eventdesk.domain.risk;

import io.eventdesk.domain.event.RuleCheck;
import io.eventdesk.domain.instrument.Instrument;
import io.eventdesk.domain.order.OrderRequest;
import io.eventdesk.domain.portfolio.AccountType;
import io.eventdesk.domain.portfolio.PortfolioView;
import io.eventdesk.domain.value.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * A margin account adds exposure only while its equity covers the initial margin of all its positions after the
 * order (open orders counted): {@code Σ |value| × initial margin rate <= equity}.
 */
public final class MarginSufficiencyRule implements RiskRule {
    @Override
    public String name() {
        return "margin-sufficiency";
    }

    @Override
    public String code() {
        return "INSUFFICIENT_MARGIN";
    }

    @Override
    public Optional<RuleCheck> evaluate(OrderRequest request, RiskContext context, RiskLimits limits) {
        PortfolioView portfolio = context.portfolio();
        if (portfolio.accountType() != AccountType.MARGIN) {
            return Optional.empty();
        }
        Instrument ins = context.instrument();
        if (context.referencePrice() == null) {
            return Optional.empty(); // the reference-price rule denies it
        }
        if (!context.change(request.signedQuantity()).addsExposure()) {
            return Optional.of(pass(() -> "the order does not add exposure: no more margin needed"));
        }
        BigDecimal rate = ins.marginInitial();
        long held = margin(Math.abs(context.valueInBase(portfolio.position(ins.id()))), rate);
        long projected = margin(Math.abs(context.projectedValue(request.signedQuantity())), rate);
        long need = Math.addExact(portfolio.marginRequirement(false).units() - held, projected);
        long equity = portfolio.equity().units();
        Money needed = new Money(portfolio.baseCurrency(), need);
        Money has = new Money(portfolio.baseCurrency(), equity);
        return Optional.of(
                need > equity
                        ? fail(() -> "initial margin would be " + needed.amount() + " > equity " + has.amount())
                        : pass(() -> "initial margin would be " + needed.amount() + " <= equity " + has.amount()));
    }

    private static long margin(long value, BigDecimal rate) {
        return BigDecimal.valueOf(value)
                .multiply(rate)
                .setScale(0, RoundingMode.HALF_EVEN)
                .longValueExact();
    }
}
