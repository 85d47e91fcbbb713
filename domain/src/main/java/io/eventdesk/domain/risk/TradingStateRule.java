package io.eventdesk.domain.risk;

import io.eventdesk.domain.event.RuleCheck;
import io.eventdesk.domain.order.OrderRequest;
import io.eventdesk.domain.trading.TradingState;
import java.util.Optional;

/**
 * The kill switch at the gate: in REDUCING only orders that reduce a position toward zero, without crossing it, pass ({@code REDUCE_ONLY}); in HALTED
 * nothing passes ({@code TRADING_HALTED}) except the desk's own flattening orders, which reduce exposure.
 */
public final class TradingStateRule implements RiskRule {
    @Override
    public String name() {
        return "trading-state";
    }

    @Override
    public String code() {
        return "TRADING_HALTED";
    }

    @Override
    public Optional<RuleCheck> evaluate(OrderRequest request, RiskContext context, RiskLimits limits) {
        TradingState state = context.tradingState();
        boolean reduces = context.change(request.signedQuantity()).reducesTowardZero();
        return Optional.of(
                switch (state) {
                    case ACTIVE -> pass(() -> "trading is ACTIVE");
                    case REDUCING ->
                        reduces
                                ? pass(() -> "trading is REDUCING and the order reduces exposure")
                                : RuleCheck.fail(
                                        name(),
                                        "REDUCE_ONLY",
                                        "trading is REDUCING: only orders that reduce exposure pass");
                    case HALTED ->
                        reduces && context.deskOrder()
                                ? pass(() -> "trading is HALTED; the desk's own order flattens the position")
                                : fail(() -> "trading is HALTED: no order passes");
                });
    }
}
