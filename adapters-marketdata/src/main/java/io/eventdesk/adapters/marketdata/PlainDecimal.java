package io.eventdesk.adapters.marketdata;

/**
 * A parser for the common case of a market data field: a plain non-negative decimal ({@code 46319.0},
 * {@code 2300413.7295}) of at most 18 digits, read straight into a mantissa and a scale without a
 * {@code BigDecimal}. Anything else (a sign, an exponent, spaces, more digits) is left to the exact general path,
 * which also names the problem. One instance per reader.
 */
final class PlainDecimal {
    private static final int MAX_DIGITS = 18;

    long units;
    int scale;

    /** Whether {@code s} is a plain decimal; if so {@link #units} and {@link #scale} hold it. */
    boolean parse(String s) {
        int n = s.length();
        if (n == 0 || n > MAX_DIGITS + 1) {
            return false;
        }
        long u = 0;
        int digits = 0;
        int dot = -1;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                u = u * 10 + (c - '0');
                digits++;
            } else if (c == '.' && dot < 0) {
                dot = i;
            } else {
                return false;
            }
        }
        if (digits == 0 || digits > MAX_DIGITS || dot == 0 || dot == n - 1) {
            return false;
        }
        units = u;
        scale = dot < 0 ? 0 : n - dot - 1;
        return true;
    }
}
