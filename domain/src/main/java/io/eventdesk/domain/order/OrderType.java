package io.eventdesk.domain.order;

/** How an order is priced. */
public enum OrderType {
    /** Fills at the market: a bar's open, the next trade, or the far side of the quote, plus slippage. */
    MARKET(false, false),
    /** Fills at its limit price or better. */
    LIMIT(true, false),
    /** A stop-market order: becomes a market order when the market reaches its trigger price. */
    STOP(false, true),
    /** Becomes a limit order at its limit price when the market reaches its trigger price. */
    STOP_LIMIT(true, true);

    private final boolean hasLimit;
    private final boolean hasTrigger;

    OrderType(boolean hasLimit, boolean hasTrigger) {
        this.hasLimit = hasLimit;
        this.hasTrigger = hasTrigger;
    }

    /** Whether the type needs a limit price (LIMIT, STOP_LIMIT). */
    public boolean hasLimit() {
        return hasLimit;
    }

    /** Whether the type needs a trigger price (STOP, STOP_LIMIT). */
    public boolean hasTrigger() {
        return hasTrigger;
    }
}
