package io.eventdesk.domain.value;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An exact, signed quantity: a {@code long} mantissa and a scale. Order quantities are positive; positions
 * are signed (negative = short). Equality is by value.
 */
public record Quantity(long units, int scale) implements Comparable<Quantity> {
    public static final Quantity ZERO = new Quantity(0, 0);

    public Quantity {
        FixedPoint.checkScale(scale, "quantity");
    }

    public static Quantity of(String text) {
        return of(new BigDecimal(text));
    }

    public static Quantity of(long whole) {
        return new Quantity(whole, 0);
    }

    public static Quantity of(BigDecimal value) {
        long[] n = FixedPoint.normalized(value);
        return new Quantity(n[0], (int) n[1]);
    }

    public long unitsAt(int otherScale) {
        return FixedPoint.rescale(units, scale, otherScale);
    }

    public Quantity withScale(int newScale, RoundingMode mode) {
        return new Quantity(FixedPoint.rescale(units, scale, newScale, mode), newScale);
    }

    public int signum() {
        return Long.signum(units);
    }

    public boolean isZero() {
        return units == 0;
    }

    public boolean isPositive() {
        return units > 0;
    }

    public boolean isNegative() {
        return units < 0;
    }

    public Quantity abs() {
        return units < 0 ? negate() : this;
    }

    public Quantity negate() {
        return new Quantity(Math.negateExact(units), scale);
    }

    public Quantity plus(Quantity other) {
        int s = Math.max(scale, other.scale);
        return new Quantity(Math.addExact(unitsAt(s), other.unitsAt(s)), s);
    }

    public Quantity minus(Quantity other) {
        int s = Math.max(scale, other.scale);
        return new Quantity(Math.subtractExact(unitsAt(s), other.unitsAt(s)), s);
    }

    public static Quantity min(Quantity a, Quantity b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    public BigDecimal toBigDecimal() {
        return FixedPoint.toBigDecimal(units, scale);
    }

    @Override
    public int compareTo(Quantity o) {
        return FixedPoint.compare(units, scale, o.units, o.scale);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Quantity q && compareTo(q) == 0;
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
