package io.eventdesk.domain.portfolio;

/** How the cost of what is sold is measured, for realized PnL. */
public enum LotMethod {
    /** the position's average cost */
    AVERAGE_COST,
    /** the oldest lots first */
    FIFO
}
