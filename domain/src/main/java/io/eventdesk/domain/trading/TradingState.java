package io.eventdesk.domain.trading;

/** How much trading the desk allows: the kill switch's positions. */
public enum TradingState {
    /** Every order the other rules allow. */
    ACTIVE,
    /** Only orders that reduce exposure. */
    REDUCING,
    /** Nothing, except the desk's own orders that flatten positions. */
    HALTED;

    public boolean isStricterThan(TradingState other) {
        return ordinal() > other.ordinal();
    }
}
