package io.eventdesk.domain.value;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An exact price: a {@code long} mantissa and a scale ({@code units × 10^-scale}). Prices may be zero or
 * negative (spreads, some futures); whether a price is acceptable is the caller's rule. Equality is by value,
 * so {@code 1.10} equals {@code 1.1}.
 */
public record Price(long units, int scale) implements Comparable<Price> {
    public Price {
        FixedPoint.checkScale(scale, "price");
    }

    public static Price of(String text) {
        return of(new BigDecimal(text));
    }

    public static Price of(BigDecimal value) {
        long[] n = FixedPoint.normalized(value);
        return new Price(n[0], (int) n[1]);
    }

    /** The value rounded HALF_EVEN to {@code scale} digits. */
    public static Price of(BigDecimal value, int scale) {
        return new Price(FixedPoint.fromBigDecimal(value, scale, RoundingMode.HALF_EVEN), scale);
    }

    public Price withScale(int newScale, RoundingMode mode) {
        return new Price(FixedPoint.rescale(units, scale, newScale, mode), newScale);
    }

    /** This price's mantissa at another scale, exact when widening, HALF_EVEN when narrowing. */
    public long unitsAt(int otherScale) {
        return FixedPoint.rescale(units, scale, otherScale);
    }

    public boolean isPositive() {
        return units > 0;
    }

    public Price plus(Price other) {
        int s = Math.max(scale, other.scale);
        return new Price(Math.addExact(unitsAt(s), other.unitsAt(s)), s);
    }

    public Price minus(Price other) {
        int s = Math.max(scale, other.scale);
        return new Price(Math.subtractExact(unitsAt(s), other.unitsAt(s)), s);
    }

    public Price abs() {
        return units < 0 ? new Price(Math.negateExact(units), scale) : this;
    }

    public BigDecimal toBigDecimal() {
        return FixedPoint.toBigDecimal(units, scale);
    }

    public boolean isAbove(Price other) {
        return compareTo(other) > 0;
    }

    public boolean isBelow(Price other) {
        return compareTo(other) < 0;
    }

    public static Price min(Price a, Price b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    public static Price max(Price a, Price b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    @Override
    public int compareTo(Price o) {
        return FixedPoint.compare(units, scale, o.units, o.scale);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Price p && compareTo(p) == 0;
    }

    @Override
    public int hashCode() {
        return FixedPoint.normalizedHash(units, scale);
    }

    @Override
    public String toString() {
        return FixedPoint.toPlainString(units, scale);
    }
}
