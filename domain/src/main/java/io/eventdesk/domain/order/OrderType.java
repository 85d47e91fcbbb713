package io.eventdesk.domain.order;

/** How an order is priced. */
public enum OrderType {
    /** Fills at the market: at the first eligible bar's open, plus slippage. */
    MARKET,
    /** Fills at its limit price or better. */
    LIMIT
}
