package io.eventdesk.domain.order;

import io.eventdesk.domain.instrument.InstrumentId;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import io.eventdesk.domain.value.Side;
import java.time.Instant;

/**
 * What a strategy's signal asks for, after sizing and before the risk engine: an order that does not exist yet.
 * The execution terms (prices, time in force, flags) are validated as {@link OrderTerms}.
 */
public record OrderRequest(
        String strategyId,
        InstrumentId instrument,
        Side side,
        OrderType type,
        Quantity quantity,
        Price limitPrice,
        TimeInForce timeInForce,
        Price triggerPrice,
        Instant expireTime,
        boolean reduceOnly,
        boolean postOnly) {

    public OrderRequest {
        if (strategyId == null || strategyId.isBlank()) {
            throw new IllegalArgumentException("order request needs a strategy id");
        }
        if (instrument == null || side == null || type == null || timeInForce == null) {
            throw new IllegalArgumentException("order request needs an instrument, a side, a type and a time in force");
        }
        if (quantity == null || !quantity.isPositive()) {
            throw new IllegalArgumentException("order quantity must be positive, got " + quantity);
        }
        new OrderTerms(type, limitPrice, triggerPrice, timeInForce, expireTime, reduceOnly, postOnly); // validates
    }

    /** A MARKET or LIMIT order with no flags. */
    public OrderRequest(
            String strategyId,
            InstrumentId instrument,
            Side side,
            OrderType type,
            Quantity quantity,
            Price limitPrice,
            TimeInForce timeInForce) {
        this(strategyId, instrument, side, type, quantity, limitPrice, timeInForce, null, null, false, false);
    }

    public OrderRequest(String strategyId, InstrumentId instrument, Side side, Quantity quantity, OrderTerms terms) {
        this(
                strategyId,
                instrument,
                side,
                terms.type(),
                quantity,
                terms.limitPrice(),
                terms.timeInForce(),
                terms.triggerPrice(),
                terms.expireTime(),
                terms.reduceOnly(),
                terms.postOnly());
    }

    public static OrderRequest market(String strategyId, InstrumentId instrument, Side side, Quantity quantity) {
        return new OrderRequest(strategyId, instrument, side, quantity, OrderTerms.market());
    }

    public static OrderRequest limit(
            String strategyId, InstrumentId instrument, Side side, Quantity quantity, Price limit, TimeInForce tif) {
        return new OrderRequest(
                strategyId, instrument, side, quantity, OrderTerms.limit(limit).with(tif));
    }

    /** The execution terms. */
    public OrderTerms terms() {
        return new OrderTerms(type, limitPrice, triggerPrice, timeInForce, expireTime, reduceOnly, postOnly);
    }

    /** The same order with another total quantity and limit price (a replace that keeps the trigger). */
    public OrderRequest withQuantityAndLimit(Quantity newQuantity, Price newLimitPrice) {
        return withQuantityAndPrices(newQuantity, newLimitPrice, triggerPrice);
    }

    /** The same order with another total quantity, limit price and trigger price (a replace). */
    public OrderRequest withQuantityAndPrices(Quantity newQuantity, Price newLimitPrice, Price newTriggerPrice) {
        return new OrderRequest(
                strategyId,
                instrument,
                side,
                type,
                newQuantity,
                newLimitPrice,
                timeInForce,
                newTriggerPrice,
                expireTime,
                reduceOnly,
                postOnly);
    }

    /** The quantity signed by side: positive for a buy. */
    public Quantity signedQuantity() {
        return side.signed(quantity);
    }
}
