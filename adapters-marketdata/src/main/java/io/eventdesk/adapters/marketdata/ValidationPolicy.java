package io.eventdesk.adapters.marketdata;

/**
 * What a reader does with a problem in the data.
 *
 * <ul>
 *   <li>{@link #STRICT}: the first problem is an error naming the file, the line and the field;
 *   <li>{@link #REPAIR}: what can be normalized is (prices rounded onto the tick grid, a bar's high and low widened
 *       to hold its open and close), duplicates and rows that cannot be repaired are dropped; all reported;
 *   <li>{@link #SKIP}: every row with a problem is dropped and reported.
 * </ul>
 *
 * Float noise on prices ({@code 16.65999984741211}) is normalized to the tick under every policy: it is not a
 * problem of the data but of how it was written. Gaps are reported under every policy except strict, where they are
 * an error.
 */
public enum ValidationPolicy {
    STRICT,
    REPAIR,
    SKIP
}
