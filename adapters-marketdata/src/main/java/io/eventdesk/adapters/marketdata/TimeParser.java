package io.eventdesk.adapters.marketdata;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;

/**
 * Parses the time layouts found in market data files, without a formatter on the hot path:
 *
 * <ul>
 *   <li>ISO dates {@code 2024-01-31} (midnight UTC);
 *   <li>date-times {@code 2024-01-01 23:01:00}, {@code 2021-12-31 23:01:00.000000},
 *       {@code 2016-05-19T00:00:00Z}, {@code 2012-02-01 00:00:00+00:00}: {@code T} or a space, seconds and a
 *       fraction of up to nine digits optional, {@code Z} or an offset {@code ±HH:MM}/{@code ±HHMM}/{@code ±HH}
 *       optional (none means UTC);
 *   <li>epoch numbers, whose unit is fixed per file by the magnitude of its first value: seconds below 10^11,
 *       milliseconds below 10^14, microseconds below 10^17, nanoseconds above.
 * </ul>
 *
 * A time without an offset is in the parser's zone (UTC unless configured); in a zone with daylight saving, a local
 * time that falls in the spring gap or the autumn overlap takes the offset in force before the change. An explicit
 * format ({@code epoch-s}, {@code epoch-ms}, {@code epoch-us}, {@code epoch-ns}, or a {@link DateTimeFormatter}
 * pattern) replaces detection.
 */
final class TimeParser {
    enum EpochUnit {
        SECONDS,
        MILLIS,
        MICROS,
        NANOS
    }

    private EpochUnit epochUnit;
    private final ZoneId zone;
    private final boolean utc;
    private final DateTimeFormatter pattern;
    private final String format;

    /** Detects the layout; times without an offset are UTC. */
    TimeParser() {
        this(ZoneOffset.UTC, null);
    }

    /**
     * @param zone the zone of times written without an offset
     * @param format null to detect, an {@code epoch-*} unit, or a {@link DateTimeFormatter} pattern
     * @throws IllegalArgumentException when the format is not one of those
     */
    TimeParser(ZoneId zone, String format) {
        this.zone = zone;
        this.utc = zone.normalized().equals(ZoneOffset.UTC);
        this.format = format;
        DateTimeFormatter p = null;
        if (format != null) {
            switch (format) {
                case "epoch-s" -> epochUnit = EpochUnit.SECONDS;
                case "epoch-ms" -> epochUnit = EpochUnit.MILLIS;
                case "epoch-us" -> epochUnit = EpochUnit.MICROS;
                case "epoch-ns" -> epochUnit = EpochUnit.NANOS;
                default -> p = DateTimeFormatter.ofPattern(format, java.util.Locale.ROOT);
            }
        }
        this.pattern = p;
    }

    /** @throws IllegalArgumentException with what was expected */
    Instant parse(String text) {
        String s = text.trim();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("empty time");
        }
        if (pattern != null) {
            return withPattern(s);
        }
        if (isDigits(s)) {
            return epoch(s);
        }
        if (format != null) {
            throw new IllegalArgumentException("'" + s + "' is not an epoch time (time-format " + format + ")");
        }
        return isoLike(s);
    }

    private Instant withPattern(String s) {
        try {
            TemporalAccessor t = pattern.parseBest(s, ZonedDateTime::from, LocalDateTime::from, LocalDate::from);
            if (t instanceof ZonedDateTime z) {
                return z.toInstant();
            }
            LocalDateTime local = t instanceof LocalDateTime l ? l : ((LocalDate) t).atStartOfDay();
            return local.atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + s + "' does not match the time format '" + format + "'");
        }
    }

    private static boolean isDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private Instant epoch(String s) {
        if (s.length() > 19) {
            throw new IllegalArgumentException("epoch time '" + s + "' is too large");
        }
        long v = Long.parseLong(s);
        if (epochUnit == null) {
            epochUnit = v < 100_000_000_000L
                    ? EpochUnit.SECONDS
                    : v < 100_000_000_000_000L
                            ? EpochUnit.MILLIS
                            : v < 100_000_000_000_000_000L ? EpochUnit.MICROS : EpochUnit.NANOS;
        }
        return switch (epochUnit) {
            case SECONDS -> Instant.ofEpochSecond(v);
            case MILLIS -> Instant.ofEpochMilli(v);
            case MICROS -> Instant.ofEpochSecond(v / 1_000_000, (v % 1_000_000) * 1_000);
            case NANOS -> Instant.ofEpochSecond(v / 1_000_000_000, v % 1_000_000_000);
        };
    }

    private Instant isoLike(String s) {
        int n = s.length();
        if (n < 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
            throw bad(s);
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        long days;
        try {
            days = LocalDate.of(year, month, day).toEpochDay();
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("'" + s + "' is not a valid date: " + e.getMessage());
        }
        int hour = 0;
        int minute = 0;
        int second = 0;
        int nanos = 0;
        int offsetSeconds = 0;
        boolean offsetGiven = false;
        int i = 10;
        if (i < n) {
            char sep = s.charAt(i);
            if (sep != 'T' && sep != ' ') {
                throw bad(s);
            }
            if (n < i + 6 || s.charAt(i + 3) != ':') {
                throw bad(s);
            }
            hour = digits(s, i + 1, 2);
            minute = digits(s, i + 4, 2);
            i += 6;
            if (i < n && s.charAt(i) == ':') {
                second = digits(s, i + 1, 2);
                i += 3;
                if (i < n && (s.charAt(i) == '.' || s.charAt(i) == ',')) {
                    int start = ++i;
                    while (i < n && Character.isDigit(s.charAt(i))) {
                        i++;
                    }
                    int len = i - start;
                    if (len == 0 || len > 9) {
                        throw new IllegalArgumentException(
                                "'" + s + "' has a fraction of " + len + " digits (1-9 expected)");
                    }
                    nanos = digits(s, start, len);
                    for (int k = len; k < 9; k++) {
                        nanos *= 10;
                    }
                }
            }
            if (i < n) {
                offsetSeconds = offset(s, i);
                offsetGiven = true;
            }
        }
        if (hour > 23 || minute > 59 || second > 59) {
            throw new IllegalArgumentException("'" + s + "' has an hour, minute or second out of range");
        }
        if (!offsetGiven && !utc) {
            LocalDateTime local = LocalDate.ofEpochDay(days).atTime(hour, minute, second);
            offsetSeconds = zone.getRules().getOffset(local).getTotalSeconds();
        }
        long epochSecond = days * 86_400L + hour * 3_600L + minute * 60L + second - offsetSeconds;
        return Instant.ofEpochSecond(epochSecond, nanos);
    }

    private static int offset(String s, int i) {
        String z = s.substring(i).trim();
        if (z.equals("Z") || z.equals("UTC") || z.equals("+00:00") || z.equals("+0000")) {
            return 0;
        }
        char sign = z.isEmpty() ? '?' : z.charAt(0);
        if (sign != '+' && sign != '-') {
            throw bad(s);
        }
        String hm = z.substring(1).replace(":", "");
        if (!isDigits(hm) || (hm.length() != 2 && hm.length() != 4)) {
            throw bad(s);
        }
        int hours = Integer.parseInt(hm.substring(0, 2));
        int minutes = hm.length() == 4 ? Integer.parseInt(hm.substring(2)) : 0;
        if (hours > 18 || minutes > 59) {
            throw bad(s);
        }
        int total = hours * 3600 + minutes * 60;
        return sign == '+' ? total : -total;
    }

    private static int digits(String s, int from, int len) {
        if (from + len > s.length()) {
            throw bad(s);
        }
        int v = 0;
        for (int k = from; k < from + len; k++) {
            char c = s.charAt(k);
            if (c < '0' || c > '9') {
                throw bad(s);
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static IllegalArgumentException bad(String s) {
        return new IllegalArgumentException("'" + s + "' is not a time: expected an ISO date (2024-01-31), a date-time"
                + " (2024-01-31 23:01:00[.fraction][Z|+HH:MM], T or space between) or epoch seconds/millis");
    }
}
