package io.eventdesk.domain.portfolio;

import io.eventdesk.domain.value.Money;

/**
 * One strategy's share of the account: PnL from its own fills, on its own average-cost positions, marked at the
 * last prices. The strategies' realized PnL may add up to more or less than the account's when their positions
 * offset each other; their total PnL (realized + unrealized − fees) adds up to the account's.
 */
public record StrategyPnl(String strategyId, Money realizedPnl, Money unrealizedPnl, Money fees, long fills) {
    /** realized + unrealized − fees. */
    public Money totalPnl() {
        return realizedPnl.plus(unrealizedPnl).minus(fees);
    }
}
