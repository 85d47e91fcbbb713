package io.eventdesk.bootstrap.strategies;

import io.eventdesk.domain.market.MarketData;
import io.eventdesk.domain.signal.Signal;
import io.eventdesk.domain.strategy.Strategy;
import io.eventdesk.domain.strategy.StrategyContext;
import java.util.List;

/** A user's strategy with a bug: it fails on the third bar. */
public final class ExplodingStrategy implements Strategy {
    private int bars;

    @Override
    public List<Signal> onMarketData(MarketData data, StrategyContext context) {
        if (++bars == 3) {
            throw new IllegalStateException("bug in user strategy");
        }
        return List.of();
    }
}
