package io.eventdesk.application.usecase;

import io.eventdesk.domain.order.OrderView;
import io.eventdesk.domain.portfolio.PositionView;
import io.eventdesk.domain.trading.TradingState;
import io.eventdesk.domain.value.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** What a running desk holds, read as one consistent picture between two inputs. */
public interface QueryDeskUseCase {
    DeskSnapshot snapshot();

    /** An order this session created for a signal from outside, as it is now (open or closed), or null. */
    OrderView order(String orderId);

    /**
     * The desk at one moment.
     *
     * @param time the desk's clock
     * @param lastSequence the last sequence number published
     * @param durableThrough up to which sequence number the journal has made everything durable
     * @param marketEvents market data taken so far
     * @param lastMarketTime when the last market data became known, or null before any
     * @param fills the fills since the session started
     * @param tradedNotional their notional (quantity × price × multiplier), in the base currency
     */
    record DeskSnapshot(
            Instant time,
            long lastSequence,
            long durableThrough,
            long marketEvents,
            Instant lastMarketTime,
            TradingState tradingState,
            Money cash,
            Money equity,
            Money realizedPnl,
            Money unrealizedPnl,
            Money totalFees,
            Money grossExposure,
            BigDecimal drawdown,
            long fills,
            Money tradedNotional,
            List<PositionView> positions,
            List<OrderView> openOrders) {}
}
