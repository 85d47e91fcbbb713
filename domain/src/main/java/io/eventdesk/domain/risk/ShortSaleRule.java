package io.eventdesk.domain.risk;

import io.eventdesk.domain.event.RuleCheck;
import io.eventdesk.domain.instrument.Instrument;
import io.eventdesk.domain.instrument.Settlement;
import io.eventdesk.domain.order.OrderRequest;
import io.eventdesk.domain.portfolio.AccountType;
import io.eventdesk.domain.value.Quantity;
import java.util.Optional;

/**
 * A cash account sells only what it holds, unless it allows shorting ({@code account.allow-short}): a sell that
 * would take the position (open orders counted) below zero is denied. Futures and FX pairs are not concerned: a
 * future is shorted by contract, and selling a pair is checked against the currency it delivers.
 */
public final class ShortSaleRule implements RiskRule {
    @Override
    public String name() {
        return "short-sale";
    }

    @Override
    public String code() {
        return "SHORT_NOT_ALLOWED";
    }

    @Override
    public Optional<RuleCheck> evaluate(OrderRequest request, RiskContext context, RiskLimits limits) {
        Instrument ins = context.instrument();
        if (context.portfolio().accountType() != AccountType.CASH
                || context.portfolio().allowsShorting()
                || ins.settlement() != Settlement.NOTIONAL
                || request.signedQuantity().signum() > 0) {
            return Optional.empty();
        }
        Quantity projected = context.projectedPosition(request.signedQuantity());
        return Optional.of(
                projected.isNegative()
                        ? fail(() -> ins.id() + " position would be " + projected
                                + ": a cash account sells only what it holds (account.allow-short: false)")
                        : pass(() -> ins.id() + " position would be " + projected + ", not short"));
    }
}
