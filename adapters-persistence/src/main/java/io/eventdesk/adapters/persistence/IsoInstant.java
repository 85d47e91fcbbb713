package io.eventdesk.adapters.persistence;

import java.time.Instant;

/**
 * {@link Instant#toString()}'s exact text (ISO-8601 UTC, the seconds always, the fraction in groups of three digits
 * as needed), written without a formatter: the journal writes one for every stored event. Years outside 0001–9999
 * fall back to {@code Instant.toString()}.
 */
final class IsoInstant {
    private static final long MIN = -62135596800L; // 0001-01-01T00:00:00Z
    private static final long MAX = 253402300799L; // 9999-12-31T23:59:59Z
    private static final int SECONDS_PER_DAY = 86_400;

    private long cachedDay = Long.MIN_VALUE;
    private final char[] day = new char[11]; // yyyy-MM-ddT

    /** The text of {@code t}; one instance per thread (it caches the last day). */
    String format(Instant t) {
        long s = t.getEpochSecond();
        if (s < MIN || s > MAX) {
            return t.toString();
        }
        long epochDay = Math.floorDiv(s, SECONDS_PER_DAY);
        int secondOfDay = (int) Math.floorMod(s, SECONDS_PER_DAY);
        if (epochDay != cachedDay) {
            civil(epochDay);
            cachedDay = epochDay;
        }
        int nano = t.getNano();
        char[] out = new char[20 + (nano == 0 ? 0 : nano % 1_000_000 == 0 ? 4 : nano % 1000 == 0 ? 7 : 10)];
        System.arraycopy(day, 0, out, 0, 11);
        two(out, 11, secondOfDay / 3600);
        out[13] = ':';
        two(out, 14, secondOfDay / 60 % 60);
        out[16] = ':';
        two(out, 17, secondOfDay % 60);
        int at = 19;
        if (nano != 0) {
            out[at++] = '.';
            int digits = out.length - 21;
            int value = digits == 3 ? nano / 1_000_000 : digits == 6 ? nano / 1000 : nano;
            for (int i = at + digits - 1; i >= at; i--) {
                out[i] = (char) ('0' + value % 10);
                value /= 10;
            }
            at += digits;
        }
        out[at] = 'Z';
        return new String(out);
    }

    /** The civil date of an epoch day (H. Hinnant's days-to-civil), as {@code yyyy-MM-ddT}. */
    private void civil(long epochDay) {
        long z = epochDay + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        int d = (int) (doy - (153 * mp + 2) / 5 + 1);
        int m = (int) (mp < 10 ? mp + 3 : mp - 9);
        int y = (int) (yoe + era * 400 + (m <= 2 ? 1 : 0));
        day[0] = (char) ('0' + y / 1000);
        day[1] = (char) ('0' + y / 100 % 10);
        day[2] = (char) ('0' + y / 10 % 10);
        day[3] = (char) ('0' + y % 10);
        day[4] = '-';
        two(day, 5, m);
        day[7] = '-';
        two(day, 8, d);
        day[10] = 'T';
    }

    private static void two(char[] out, int at, int v) {
        out[at] = (char) ('0' + v / 10);
        out[at + 1] = (char) ('0' + v % 10);
    }
}
