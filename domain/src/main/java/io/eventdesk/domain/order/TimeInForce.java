package io.eventdesk.domain.order;

/** How long an order rests at the venue. */
public enum TimeInForce {
    /** Good till canceled. */
    GTC,
    /** Expires at the end of the trading session it was submitted in (UTC day by default). */
    DAY
}
