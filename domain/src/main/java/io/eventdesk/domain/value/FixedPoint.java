package io.eventdesk.domain.value;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Exact fixed-point arithmetic on {@code long} mantissas. This is the one place where rounding happens:
 * every operation that cannot be exact rounds with the {@link RoundingMode} it is given ({@code HALF_EVEN}
 * unless a caller states otherwise), and every overflow is an {@link ArithmeticException}, never a wrap.
 */
public final class FixedPoint {
    /** The largest scale (digits after the point) a price or quantity may carry. */
    public static final int MAX_SCALE = 12;

    private static final long[] POW10 = new long[19];

    static {
        long p = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p;
            if (i < 18) {
                p *= 10;
            }
        }
    }

    private FixedPoint() {}

    public static long pow10(int n) {
        if (n < 0 || n > 18) {
            throw new ArithmeticException("10^" + n + " does not fit in a long");
        }
        return POW10[n];
    }

    static void checkScale(int scale, String what) {
        if (scale < 0 || scale > MAX_SCALE) {
            throw new IllegalArgumentException(what + " scale must be in 0.." + MAX_SCALE + ", got " + scale);
        }
    }

    /** Changes the scale of a mantissa, exactly when widening and with HALF_EVEN when narrowing. */
    public static long rescale(long units, int fromScale, int toScale) {
        return rescale(units, fromScale, toScale, RoundingMode.HALF_EVEN);
    }

    public static long rescale(long units, int fromScale, int toScale, RoundingMode mode) {
        if (toScale == fromScale) {
            return units;
        }
        if (toScale > fromScale) {
            return Math.multiplyExact(units, pow10(toScale - fromScale));
        }
        int drop = fromScale - toScale;
        if (drop > 18) {
            return fromBigDecimal(BigDecimal.valueOf(units, fromScale), toScale, mode);
        }
        return divide(units, pow10(drop), mode);
    }

    /** Integer division of {@code n} by a positive {@code d} with the given rounding. */
    public static long divide(long n, long d, RoundingMode mode) {
        if (d <= 0) {
            throw new ArithmeticException("divisor must be positive, got " + d);
        }
        long q = n / d;
        long r = n % d;
        if (r == 0) {
            return q;
        }
        int sign = n < 0 ? -1 : 1;
        long absR = Math.abs(r);
        long rest = d - absR;
        boolean awayFromZero = switch (mode) {
            case UP -> true;
            case DOWN -> false;
            case CEILING -> sign > 0;
            case FLOOR -> sign < 0;
            case HALF_UP -> absR >= rest;
            case HALF_DOWN -> absR > rest;
            case HALF_EVEN -> absR > rest || (absR == rest && (q & 1) != 0);
            case UNNECESSARY -> throw new ArithmeticException("rounding necessary: " + n + " / " + d);
        };
        return awayFromZero ? q + sign : q;
    }

    /** {@code a × b} at {@code resultScale}, HALF_EVEN. */
    public static long multiply(long a, int aScale, long b, int bScale, int resultScale) {
        return multiply(a, aScale, b, bScale, resultScale, RoundingMode.HALF_EVEN);
    }

    public static long multiply(long a, int aScale, long b, int bScale, int resultScale, RoundingMode mode) {
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        boolean fits = (hi == 0 && lo >= 0) || (hi == -1 && lo < 0);
        int productScale = aScale + bScale;
        if (fits && productScale - resultScale <= 18 && resultScale - productScale <= 18) {
            return rescale(lo, productScale, resultScale, mode);
        }
        BigDecimal exact = BigDecimal.valueOf(a, aScale).multiply(BigDecimal.valueOf(b, bScale));
        return fromBigDecimal(exact, resultScale, mode);
    }

    /** {@code a / b} at {@code resultScale}. */
    public static long divide(long a, int aScale, long b, int bScale, int resultScale, RoundingMode mode) {
        if (b == 0) {
            throw new ArithmeticException("division by zero");
        }
        BigDecimal q = BigDecimal.valueOf(a, aScale).divide(BigDecimal.valueOf(b, bScale), resultScale, mode);
        return q.unscaledValue().longValueExact();
    }

    public static int compare(long a, int aScale, long b, int bScale) {
        if (aScale == bScale) {
            return Long.compare(a, b);
        }
        int scale = Math.max(aScale, bScale);
        try {
            return Long.compare(rescale(a, aScale, scale), rescale(b, bScale, scale));
        } catch (ArithmeticException overflow) {
            return BigDecimal.valueOf(a, aScale).compareTo(BigDecimal.valueOf(b, bScale));
        }
    }

    /** The sign of {@code a × b − c × d}, exactly (128-bit products, no overflow). */
    public static int compareProducts(long a, long b, long c, long d) {
        long hi1 = Math.multiplyHigh(a, b);
        long hi2 = Math.multiplyHigh(c, d);
        if (hi1 != hi2) {
            return hi1 < hi2 ? -1 : 1;
        }
        return Long.compareUnsigned(a * b, c * d);
    }

    public static long fromBigDecimal(BigDecimal value, int scale, RoundingMode mode) {
        return value.setScale(scale, mode).unscaledValue().longValueExact();
    }

    public static BigDecimal toBigDecimal(long units, int scale) {
        return BigDecimal.valueOf(units, scale);
    }

    /** A plain decimal (no exponent), trailing zeros dropped: {@code 46377}, {@code 0.0005}, {@code -12.5}. */
    public static String toPlainString(long units, int scale) {
        if (units == 0) {
            return "0";
        }
        while (scale > 0 && units % 10 == 0) {
            units /= 10;
            scale--;
        }
        if (scale == 0) {
            return Long.toString(units);
        }
        if (units == Long.MIN_VALUE) {
            return BigDecimal.valueOf(units, scale).toPlainString();
        }
        String digits = Long.toString(Math.abs(units));
        StringBuilder sb = new StringBuilder(digits.length() + scale + 3);
        if (units < 0) {
            sb.append('-');
        }
        int point = digits.length() - scale;
        if (point <= 0) {
            sb.append("0.");
            for (int i = point; i < 0; i++) {
                sb.append('0');
            }
            sb.append(digits);
        } else {
            sb.append(digits, 0, point).append('.').append(digits, point, digits.length());
        }
        return sb.toString();
    }

    /** The mantissa and scale of a decimal with its trailing zeros removed (scale never negative). */
    static long[] normalized(BigDecimal value) {
        BigDecimal s = value.stripTrailingZeros();
        if (s.scale() < 0) {
            s = s.setScale(0);
        }
        return new long[] {s.unscaledValue().longValueExact(), s.scale()};
    }

    static int normalizedHash(long units, int scale) {
        while (scale > 0 && units % 10 == 0) {
            units /= 10;
            scale--;
        }
        return Long.hashCode(units) * 31 + scale;
    }
}
