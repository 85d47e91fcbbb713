package io.eventdesk.domain.risk;

import io.eventdesk.domain.trading.TradingState;
import java.time.Instant;

/**
 * An operator's command to the kill switch, taking effect at {@code at} (in a backtest: before the first bar that
 * closes after it).
 */
public record KillSwitchCommand(Instant at, TradingState state, boolean flatten, String reason) {
    public KillSwitchCommand {
        if (at == null || state == null) {
            throw new IllegalArgumentException("a kill switch command needs a time and a state");
        }
        if (flatten && state != TradingState.HALTED) {
            throw new IllegalArgumentException("only a halt can flatten, not " + state);
        }
        reason = reason == null || reason.isBlank() ? "operator" : reason;
    }
}
