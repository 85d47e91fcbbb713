package io.eventdesk.adapters.broker.paper;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** When an instrument's trading day ends, in its venue's time zone: DAY orders expire then. */
public record TradingSession(ZoneId zone, LocalTime end) {
    public TradingSession {
        if (zone == null || end == null) {
            throw new IllegalArgumentException("a trading session needs a time zone and an end time");
        }
    }

    /** The UTC day: sessions end at midnight UTC. */
    public static TradingSession utcDay() {
        return new TradingSession(ZoneId.of("UTC"), LocalTime.MIDNIGHT);
    }

    /** The first session end strictly after {@code time}. */
    public Instant nextEnd(Instant time) {
        ZonedDateTime local = time.atZone(zone);
        ZonedDateTime end = local.toLocalDate().atTime(this.end).atZone(zone);
        while (!end.toInstant().isAfter(time)) {
            end = end.toLocalDate().plusDays(1).atTime(this.end).atZone(zone);
        }
        return end.toInstant();
    }
}
