package io.eventdesk.application.usecase;

import io.eventdesk.domain.trading.TradingState;

/**
 * Moves the kill switch of a running desk. HALTED cancels every open order and, with {@code flatten}, closes every
 * position with market orders that the trading-state rule lets through. Every transition is journaled with its
 * cause. In a backtest, commands are given ahead of time as {@code kill-switch} entries of the config.
 */
public interface EngageKillSwitchUseCase {
    void engage(TradingState state, String cause, boolean flatten);
}
