package io.eventdesk.domain.event;

import io.eventdesk.domain.order.OrderId;
import io.eventdesk.domain.trading.TradingState;
import java.time.Instant;

/**
 * An operator's command to a running session, as it was taken: a change of the trading state (with or without
 * flattening), or a cancel of an open order.
 *
 * @param state the state asked for (a trading-state command), else null
 * @param orderId the order to cancel (a cancel), else null
 */
public record OperatorCommanded(
        long sequence, Instant time, Kind kind, TradingState state, boolean flatten, OrderId orderId, String reason)
        implements InputEvent {

    public enum Kind {
        TRADING_STATE,
        CANCEL
    }

    public OperatorCommanded {
        if (kind == null || (kind == Kind.TRADING_STATE && state == null) || (kind == Kind.CANCEL && orderId == null)) {
            throw new IllegalArgumentException("a trading-state command names a state, a cancel an order");
        }
    }
}
