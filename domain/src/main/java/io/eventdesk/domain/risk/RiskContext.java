package io.eventdesk.domain.risk;

import io.eventdesk.domain.instrument.Instrument;
import io.eventdesk.domain.order.OrderId;
import io.eventdesk.domain.order.OrderRequest;
import io.eventdesk.domain.order.lifecycle.OpenOrders;
import io.eventdesk.domain.order.lifecycle.Order;
import io.eventdesk.domain.portfolio.PortfolioView;
import io.eventdesk.domain.portfolio.PositionChange;
import io.eventdesk.domain.trading.TradingState;
import io.eventdesk.domain.value.Currency;
import io.eventdesk.domain.value.Money;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import io.eventdesk.domain.value.Side;

/**
 * What the risk engine knows when it decides on one request.
 *
 * @param referencePrice the price the order is valued at: its limit, else the last known price; {@code null}
 *     when the instrument has no price yet
 * @param pendingQuantity the signed quantity of this instrument's open orders not yet filled
 * @param reservedCash what open buy orders will cost at their reference prices, fees included
 * @param estimatedFee the fee the venue would charge for this order at the reference price
 * @param recentOrders how many orders this order's strategy sent within the throttle interval before it
 * @param tradingState the kill switch's position
 * @param deskOrder whether the desk itself sends the order (flattening on a halt), not a strategy
 * @param othersDailyPnl the daily PnL of the desk's other processes (shared state), in the portfolio's base
 *     currency; zero when the desk runs alone
 */
public record RiskContext(
        PortfolioView portfolio,
        Instrument instrument,
        Price referencePrice,
        Quantity pendingQuantity,
        Money reservedCash,
        Money estimatedFee,
        int recentOrders,
        TradingState tradingState,
        boolean deskOrder,
        Money othersDailyPnl) {

    public RiskContext {
        if (othersDailyPnl == null) {
            othersDailyPnl = Money.zero(portfolio.baseCurrency());
        }
    }

    /** A context of a desk that runs alone: no other process's daily PnL counts. */
    public RiskContext(
            PortfolioView portfolio,
            Instrument instrument,
            Price referencePrice,
            Quantity pendingQuantity,
            Money reservedCash,
            Money estimatedFee,
            int recentOrders,
            TradingState tradingState,
            boolean deskOrder) {
        this(
                portfolio,
                instrument,
                referencePrice,
                pendingQuantity,
                reservedCash,
                estimatedFee,
                recentOrders,
                tradingState,
                deskOrder,
                null);
    }

    /** The desk's daily PnL: this portfolio's and the other processes' (what the daily loss limit is set on). */
    public Money deskDailyPnl() {
        return portfolio.dailyPnl().plus(othersDailyPnl);
    }

    /**
     * The context of a strategy's new order as the desk builds it, from the portfolio and the open orders alone: the
     * reference price ({@link #referencePrice}), the signed quantity every open order of the instrument has still to
     * fill, the cash open buy orders commit ({@link #reservedCash}), the fee {@code fees} estimates; no order sent
     * recently (the throttle's window is the desk's to keep), not a desk order.
     */
    public static RiskContext of(
            PortfolioView portfolio,
            OpenOrders open,
            OrderRequest request,
            FeeEstimator fees,
            TradingState tradingState) {
        Instrument instrument = portfolio.instrument(request.instrument());
        Price reference = referencePrice(request, portfolio);
        return new RiskContext(
                portfolio,
                instrument,
                reference,
                open.pendingQuantity(request.instrument(), null),
                reservedCash(open, portfolio, instrument.currency(), null, fees),
                estimatedFee(instrument, request.quantity(), reference, fees),
                0,
                tradingState,
                false);
    }

    /** The price an order is expected to trade at: its limit, a stop's trigger, else the last price; null if none. */
    public static Price referencePrice(OrderRequest order, PortfolioView portfolio) {
        if (order.limitPrice() != null) {
            return order.limitPrice();
        }
        if (order.triggerPrice() != null) {
            return order.triggerPrice();
        }
        return portfolio.lastPrice(order.instrument()).orElse(null);
    }

    /** The fee of {@code quantity} at {@code reference}; zero when there is no price yet. */
    public static Money estimatedFee(Instrument instrument, Quantity quantity, Price reference, FeeEstimator fees) {
        return reference == null ? Money.zero(instrument.currency()) : fees.estimate(instrument, quantity, reference);
    }

    /**
     * What the open buy orders paid in {@code currency} (all but {@code except}, which may be null) will cost at
     * their reference prices, fees included: the cash they commit.
     */
    public static Money reservedCash(
            OpenOrders open, PortfolioView portfolio, Currency currency, OrderId except, FeeEstimator fees) {
        Money reserved = Money.zero(currency);
        for (Order o : open.all()) {
            if (o.side() != Side.BUY || o.id().equals(except)) {
                continue;
            }
            Instrument ins = portfolio.instrument(o.instrument());
            Price ref = referencePrice(o.request(), portfolio);
            if (ref != null && ins.currency().equals(currency)) {
                reserved = reserved.plus(ins.cashToBuy(ref, o.leavesQuantity()))
                        .plus(fees.estimate(ins, o.leavesQuantity(), ref));
            }
        }
        return reserved;
    }

    /** The position if everything open and this request filled. */
    Quantity projectedPosition(Quantity signedRequest) {
        return portfolio.position(instrument.id()).plus(pendingQuantity).plus(signedRequest);
    }

    /** The position if everything already open filled. */
    Quantity committedPosition() {
        return portfolio.position(instrument.id()).plus(pendingQuantity);
    }

    /** What the order does to the position, open orders counted. */
    public PositionChange change(Quantity signedRequest) {
        return new PositionChange(committedPosition(), projectedPosition(signedRequest));
    }

    /**
     * The instrument's value at the reference price if everything open and this order filled, in 10^-8 units of the
     * account's base currency.
     */
    long projectedValue(Quantity signedRequest) {
        return valueInBase(projectedPosition(signedRequest));
    }

    /** The instrument's value at the reference price of what is committed now, in base units. */
    long committedValue() {
        return valueInBase(committedPosition());
    }

    /** {@code quantity} of the instrument at the reference price, in 10^-8 units of the base currency. */
    long valueInBase(Quantity quantity) {
        long quote = instrument.valueUnits(referencePrice, quantity);
        if (quote == 0 || instrument.currency().equals(portfolio.baseCurrency())) {
            return quote;
        }
        return portfolio.valueInBase(new Money(instrument.currency(), quote)).units();
    }

    /** The portfolio's net and gross exposure with this instrument revalued to {@code value}, in base units. */
    long[] exposureWith(long value) {
        long held = valueInBase(portfolio.position(instrument.id()));
        long net = Math.addExact(portfolio.netExposure().units() - held, value);
        long gross = Math.addExact(portfolio.grossExposure().units() - Math.abs(held), Math.abs(value));
        return new long[] {net, gross};
    }
}
