package com.example.desk.domain.strategy;

import io.eventdesk.domain.market.Bar;
import io.eventdesk.domain.market.MarketData;
import io.eventdesk.domain.signal.Signal;
import io.eventdesk.domain.strategy.Strategy;
import io.eventdesk.domain.strategy.StrategyContext;
import io.eventdesk.domain.strategy.StrategyParameters;
import io.eventdesk.domain.value.Quantity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/**
 * Holds {@code quantity} after a bar that closed {@code drop} (a fraction, 0.01 for 1%) below its open, and nothing
 * after a bar that closed as far above it.
 */
public final class BuyTheDip implements Strategy {
    private final Quantity quantity;
    private final BigDecimal drop;

    public BuyTheDip(StrategyParameters params) {
        params.allowOnly("quantity", "drop");
        this.quantity = params.positiveQuantity("quantity");
        this.drop = params.nonNegativeDecimal("drop");
    }

    @Override
    public List<Signal> onMarketData(MarketData data, StrategyContext context) {
        if (!(data instanceof Bar bar)) {
            return List.of();
        }
        BigDecimal open = bar.open().toBigDecimal();
        BigDecimal change = bar.close().toBigDecimal().subtract(open).divide(open, 8, RoundingMode.HALF_EVEN);
        Map<String, String> why = Map.of("change", change.toPlainString(), "drop", drop.toPlainString());
        if (change.compareTo(drop.negate()) <= 0) {
            return List.of(Signal.target("dip", bar.instrument(), quantity, "closed " + change + " below its open", why));
        }
        if (change.compareTo(drop) >= 0) {
            return List.of(Signal.target("rip", bar.instrument(), Quantity.ZERO, "closed " + change + " above its open", why));
        }
        return List.of();
    }
}
