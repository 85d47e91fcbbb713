package io.eventdesk.domain.portfolio;

import io.eventdesk.domain.value.Quantity;

/**
 * What an order would do to a position: the one definition of "reduces exposure" for every risk rule, the trading
 * state and the venue's reduce-only checks.
 *
 * <ul>
 *   <li>{@link #reducesTowardZero()}: the position shrinks and does not cross zero (+5 → +2 or 0). Only such orders
 *       pass where only reductions may (trading state REDUCING, the desk's flattening under HALTED, a breached
 *       drawdown or daily loss limit, reduce-only orders). A flip (+5 → −5, or +5 → −2) is not a reduction: it
 *       opens a position on the other side.
 *   <li>{@link #addsExposure()}: the position's size grows (+5 → +8, or +5 → −8). Limits on size (exposure,
 *       leverage, concentration, margin) are checked only for such orders; an order that keeps or shrinks the size
 *       cannot make them worse.
 *   <li>{@link #crossesZero()}: the position changes sign.
 * </ul>
 *
 * @param before the position before the order (with what open orders will do, where the caller counts them)
 * @param after the position if the order filled entirely
 */
public record PositionChange(Quantity before, Quantity after) {
    public PositionChange {
        if (before == null || after == null) {
            throw new IllegalArgumentException("a position change needs a position before and after");
        }
    }

    /** The change a signed quantity (positive: bought) makes to {@code position}. */
    public static PositionChange of(Quantity position, Quantity signedQuantity) {
        return new PositionChange(position, position.plus(signedQuantity));
    }

    /** The position gets smaller without crossing zero: +5 → +2 or 0, −5 → −1. */
    public boolean reducesTowardZero() {
        return !before.isZero()
                && after.abs().compareTo(before.abs()) < 0
                && (after.isZero() || after.signum() == before.signum());
    }

    /** The position's size grows, on either side: +5 → +8, 0 → −1, +5 → −8. */
    public boolean addsExposure() {
        return after.abs().compareTo(before.abs()) > 0;
    }

    /** The position changes sign: +5 → −1. */
    public boolean crossesZero() {
        return !before.isZero() && !after.isZero() && before.signum() != after.signum();
    }
}
