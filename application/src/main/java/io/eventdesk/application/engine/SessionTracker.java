package io.eventdesk.application.engine;

import io.eventdesk.domain.portfolio.SessionSchedule;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Which trading session the run is in. Within the current session's bounds nothing is computed; a time outside them
 * finds its session through the schedule.
 */
final class SessionTracker {
    private final SessionSchedule schedule;
    private LocalDate day;
    private Instant opened;
    private Instant ends;

    SessionTracker(SessionSchedule schedule) {
        this.schedule = schedule;
    }

    /** Whether {@code time} lies in a session other than the current one (the first session included); moves to it. */
    boolean enters(Instant time) {
        if (day != null && !time.isBefore(opened) && time.isBefore(ends)) {
            return false;
        }
        LocalDate session = schedule.sessionOf(time);
        opened = schedule.startOf(session);
        ends = schedule.startOf(session.plusDays(1));
        if (session.equals(day)) {
            return false;
        }
        day = session;
        return true;
    }

    /** When the current session began. */
    Instant opened() {
        return opened;
    }
}
