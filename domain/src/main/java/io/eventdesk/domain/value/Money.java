package io.eventdesk.domain.value;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An exact amount of one currency, held as a {@code long} count of 10^-8 units (enough for satoshis; the
 * largest amount is about 9.2 × 10^10). Arithmetic across currencies is refused; overflow is an error.
 */
public record Money(Currency currency, long units) implements Comparable<Money> {
    /** Digits after the point every amount carries. */
    public static final int SCALE = 8;

    public Money {
        if (currency == null) {
            throw new IllegalArgumentException("money needs a currency");
        }
    }

    public static Money zero(Currency currency) {
        return new Money(currency, 0);
    }

    public static Money of(Currency currency, BigDecimal amount) {
        return new Money(currency, FixedPoint.fromBigDecimal(amount, SCALE, RoundingMode.HALF_EVEN));
    }

    public static Money of(String currency, String amount) {
        return of(Currency.of(currency), new BigDecimal(amount));
    }

    /** {@code price × quantity × multiplier}, rounded once, HALF_EVEN. */
    public static Money ofProduct(Currency currency, Price price, Quantity quantity, Quantity multiplier) {
        long qm = FixedPoint.multiply(
                quantity.units(),
                quantity.scale(),
                multiplier.units(),
                multiplier.scale(),
                quantity.scale() + multiplier.scale());
        int qmScale = quantity.scale() + multiplier.scale();
        return new Money(currency, FixedPoint.multiply(price.units(), price.scale(), qm, qmScale, SCALE));
    }

    public Money plus(Money other) {
        same(other);
        return new Money(currency, Math.addExact(units, other.units));
    }

    public Money minus(Money other) {
        same(other);
        return new Money(currency, Math.subtractExact(units, other.units));
    }

    public Money negate() {
        return new Money(currency, Math.negateExact(units));
    }

    public Money abs() {
        return units < 0 ? negate() : this;
    }

    public boolean isNegative() {
        return units < 0;
    }

    public boolean isPositive() {
        return units > 0;
    }

    public boolean isZero() {
        return units == 0;
    }

    public int signum() {
        return Long.signum(units);
    }

    public BigDecimal toBigDecimal() {
        return FixedPoint.toBigDecimal(units, SCALE);
    }

    /** {@code this × numerator / denominator}, HALF_EVEN; the proportional part of an amount. */
    public Money proportion(Quantity numerator, Quantity denominator) {
        BigDecimal part = toBigDecimal()
                .multiply(numerator.toBigDecimal())
                .divide(denominator.toBigDecimal(), SCALE, RoundingMode.HALF_EVEN);
        return new Money(currency, part.unscaledValue().longValueExact());
    }

    /** {@code this / other} as a ratio with {@code digits} decimals, HALF_EVEN. */
    public BigDecimal ratioTo(Money other, int digits) {
        same(other);
        return toBigDecimal().divide(other.toBigDecimal(), digits, RoundingMode.HALF_EVEN);
    }

    public static Money max(Money a, Money b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private void same(Money other) {
        if (currency != other.currency && !currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot combine " + currency + " with " + other.currency);
        }
    }

    @Override
    public int compareTo(Money o) {
        same(o);
        return Long.compare(units, o.units);
    }

    /** The amount alone as a plain decimal. */
    public String amount() {
        return FixedPoint.toPlainString(units, SCALE);
    }

    @Override
    public String toString() {
        return amount() + " " + currency;
    }
}
