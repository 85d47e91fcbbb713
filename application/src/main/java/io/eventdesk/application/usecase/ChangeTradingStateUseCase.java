package io.eventdesk.application.usecase;

import io.eventdesk.domain.trading.TradingState;

/** The operator's hand on a running desk's kill switch: the state now, and a change journaled with its cause. */
public interface ChangeTradingStateUseCase {
    TradingState tradingState();

    /**
     * Moves the desk to {@code to} (only a halt can flatten: every open position closed by market orders).
     *
     * @return the state after the change
     */
    TradingState changeTradingState(TradingState to, boolean flatten, String reason);
}
