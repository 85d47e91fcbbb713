package io.eventdesk.domain.order;

/** How long an order works at the venue. */
public enum TimeInForce {
    /** Good till canceled. */
    GTC,
    /** Expires at the end of the trading session it was submitted in (the venue's session per instrument). */
    DAY,
    /** Immediate or cancel: whatever does not fill on the first market data after arrival is canceled. */
    IOC,
    /** Fill or kill: fills its whole quantity on the first market data after arrival, or is canceled entirely. */
    FOK,
    /** Good till date: expires at the order's expire time. */
    GTD
}
