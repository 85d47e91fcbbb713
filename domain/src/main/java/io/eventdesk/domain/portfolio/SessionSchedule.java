package io.eventdesk.domain.portfolio;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * When trading days begin: at {@code start} local time in {@code zone} (e.g. 17:00 New York for FX). Daily PnL,
 * the daily loss limit and tax periods count from a session's start.
 */
public record SessionSchedule(ZoneId zone, LocalTime start) {
    public SessionSchedule {
        if (zone == null || start == null) {
            throw new IllegalArgumentException("a session schedule needs a time zone and a start time");
        }
    }

    /** Sessions starting at midnight UTC. */
    public static SessionSchedule utcDays() {
        return new SessionSchedule(ZoneOffset.UTC, LocalTime.MIDNIGHT);
    }

    /** The session {@code time} belongs to, as the local date on which it started. */
    public LocalDate sessionOf(Instant time) {
        ZonedDateTime local = time.atZone(zone);
        LocalDate day = local.toLocalDate();
        return local.toLocalTime().isBefore(start) ? day.minusDays(1) : day;
    }

    /** When the session of {@code day} began. */
    public Instant startOf(LocalDate day) {
        return day.atTime(start).atZone(zone).toInstant();
    }
}
