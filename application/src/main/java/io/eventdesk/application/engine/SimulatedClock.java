package io.eventdesk.application.engine;

import io.eventdesk.domain.port.ClockPort;
import java.time.Instant;

/** The backtest's clock: it moves only forward, and only when the engine processes an event. */
public final class SimulatedClock implements ClockPort {
    private Instant now;

    public SimulatedClock(Instant start) {
        this.now = start;
    }

    /** Moves to {@code time} if that is later; never moves back. */
    public void advanceTo(Instant time) {
        if (time.isAfter(now)) {
            now = time;
        }
    }

    @Override
    public Instant now() {
        return now;
    }
}
