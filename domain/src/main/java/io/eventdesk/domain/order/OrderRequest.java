package io.eventdesk.domain.order;

import io.eventdesk.domain.instrument.InstrumentId;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import io.eventdesk.domain.value.Side;

/**
 * What a strategy's signal asks for, after sizing and before the risk engine: an order that does not exist yet.
 * {@code limitPrice} is present exactly for LIMIT orders.
 */
public record OrderRequest(
        String strategyId,
        InstrumentId instrument,
        Side side,
        OrderType type,
        Quantity quantity,
        Price limitPrice,
        TimeInForce timeInForce) {

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
        if (type == OrderType.LIMIT && (limitPrice == null || !limitPrice.isPositive())) {
            throw new IllegalArgumentException("a LIMIT order needs a positive limit price, got " + limitPrice);
        }
        if (type == OrderType.MARKET && limitPrice != null) {
            throw new IllegalArgumentException("a MARKET order has no limit price, got " + limitPrice);
        }
    }

    public static OrderRequest market(String strategyId, InstrumentId instrument, Side side, Quantity quantity) {
        return new OrderRequest(strategyId, instrument, side, OrderType.MARKET, quantity, null, TimeInForce.GTC);
    }

    public static OrderRequest limit(
            String strategyId, InstrumentId instrument, Side side, Quantity quantity, Price limit, TimeInForce tif) {
        return new OrderRequest(strategyId, instrument, side, OrderType.LIMIT, quantity, limit, tif);
    }

    /** The same order with another total quantity and limit price (a replace). */
    public OrderRequest withQuantityAndLimit(Quantity newQuantity, Price newLimitPrice) {
        return new OrderRequest(strategyId, instrument, side, type, newQuantity, newLimitPrice, timeInForce);
    }

    /** The quantity signed by side: positive for a buy. */
    public Quantity signedQuantity() {
        return side.signed(quantity);
    }
}
