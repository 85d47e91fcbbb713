package io.eventdesk.adapters.broker.paper;

import io.eventdesk.domain.market.Bar;

/**
 * The path a price is assumed to take inside a bar, which decides whether a stop or a limit was reached first. The
 * path is continuous: every price between two points is traded on the way.
 */
public enum BarPath {
    /** O→H→L→C when the high is nearer the open than the low (a tie goes high first), else O→L→H→C. */
    NEARER_EXTREME_FIRST,
    /** Always O→H→L→C. */
    HIGH_FIRST,
    /** Always O→L→H→C. */
    LOW_FIRST;

    /** Whether the path visits the high before the low in {@code bar}. */
    public boolean highFirst(Bar bar) {
        return switch (this) {
            case HIGH_FIRST -> true;
            case LOW_FIRST -> false;
            case NEARER_EXTREME_FIRST ->
                bar.high().minus(bar.open()).compareTo(bar.open().minus(bar.low())) <= 0;
        };
    }
}
