package io.eventdesk.domain.order;

/** Whether a fill added liquidity to the venue's book or took it. Maker/taker fees depend on it. */
public enum Liquidity {
    /** the order rested and was traded against (resting limits, post-only) */
    MAKER,
    /** the order crossed the spread (market, stop, marketable limit) */
    TAKER
}
