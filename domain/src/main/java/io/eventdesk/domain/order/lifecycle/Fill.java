package io.eventdesk.domain.order.lifecycle;

import io.eventdesk.domain.event.OrderFilled;
import io.eventdesk.domain.instrument.InstrumentId;
import io.eventdesk.domain.order.Liquidity;
import io.eventdesk.domain.order.OrderId;
import io.eventdesk.domain.portfolio.Portfolio;
import io.eventdesk.domain.value.Money;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import io.eventdesk.domain.value.Side;
import java.time.Instant;

/**
 * One execution of an order, as a venue reports it: the value an embedder gives once to update the order and the
 * portfolio together ({@link #applyTo(Order, Portfolio, long)}). The order's strategy, instrument and side complete
 * it into the journal's {@link OrderFilled}; the order's state table checks it first (a duplicate fill id or an
 * overfill is refused before the portfolio changes).
 *
 * @param fillId the venue's id of this execution, unique per order
 * @param slippage how much worse than the reference price (open or limit) the price is, per unit; null if not known
 */
public record Fill(
        String fillId, Instant time, Quantity quantity, Price price, Money fee, Liquidity liquidity, Price slippage) {

    public Fill {
        if (fillId == null || fillId.isBlank() || time == null || liquidity == null) {
            throw new IllegalArgumentException("a fill needs an id, a time and its liquidity (MAKER or TAKER)");
        }
        if (quantity == null || !quantity.isPositive()) {
            throw new IllegalArgumentException("fill quantity must be positive, got " + quantity);
        }
        if (price == null || !price.isPositive()) {
            throw new IllegalArgumentException("fill price must be positive, got " + price);
        }
        if (fee == null || fee.isNegative()) {
            throw new IllegalArgumentException("fill fee must not be negative, got " + fee);
        }
    }

    /** A fill that took liquidity (market, stop, marketable limit), slippage not known. */
    public static Fill taker(String fillId, Instant time, Quantity quantity, Price price, Money fee) {
        return new Fill(fillId, time, quantity, price, fee, Liquidity.TAKER, null);
    }

    /** A fill of a resting order, slippage not known. */
    public static Fill maker(String fillId, Instant time, Quantity quantity, Price price, Money fee) {
        return new Fill(fillId, time, quantity, price, fee, Liquidity.MAKER, null);
    }

    /** The journal's event of this fill of {@code order}: strategy, instrument and side come from the order. */
    public OrderFilled of(OrderId order, String strategyId, InstrumentId instrument, Side side, long sequence) {
        return new OrderFilled(
                sequence, time, order, fillId, strategyId, instrument, side, quantity, price, slippage, fee, liquidity);
    }

    /** The journal's event of this fill of {@code order}. */
    public OrderFilled of(Order order, long sequence) {
        return of(order.id(), order.strategyId(), order.instrument(), order.side(), sequence);
    }

    /**
     * Applies this fill to the order (its status by the state table) and then to the portfolio (position, cash,
     * fees, realized PnL).
     *
     * @return the event applied, to journal
     * @throws IllegalOrderTransition if the order cannot fill now (closed, not yet submitted)
     * @throws IllegalArgumentException for a duplicate fill id or an overfill; the portfolio is then unchanged
     */
    public OrderFilled applyTo(Order order, Portfolio portfolio, long sequence) {
        OrderFilled event = of(order, sequence);
        order.apply(event);
        portfolio.apply(event);
        return event;
    }

    /**
     * As {@link #applyTo(Order, Portfolio, long)} for an order kept in {@code open} (forgotten there once filled).
     *
     * @throws IllegalStateException if {@code order} is not open
     */
    public OrderFilled applyTo(OpenOrders open, OrderId order, Portfolio portfolio, long sequence) {
        Order o = open.get(order);
        if (o == null) {
            throw new IllegalStateException("fill " + fillId + " for " + order + ", which is not an open order");
        }
        OrderFilled event = of(o, sequence);
        open.apply(event);
        portfolio.apply(event);
        return event;
    }
}
