package io.eventdesk.domain.risk;

import io.eventdesk.domain.trading.TradingState;

/** What the desk does when a loss limit is breached ({@code risk.on-daily-loss}, {@code risk.on-drawdown}). */
public enum BreachAction {
    /** The rule denies orders that add exposure; the trading state does not change. */
    DENY(TradingState.ACTIVE),
    /** The trading state becomes REDUCING. */
    REDUCE(TradingState.REDUCING),
    /** The trading state becomes HALTED and open orders are canceled. */
    HALT(TradingState.HALTED),
    /** HALTED, open orders canceled, and every position flattened with market orders. */
    HALT_AND_FLATTEN(TradingState.HALTED);

    private final TradingState state;

    BreachAction(TradingState state) {
        this.state = state;
    }

    public TradingState state() {
        return state;
    }
}
