package io.eventdesk.domain.port;

import java.time.Instant;

/** Where time comes from. In a backtest it is simulated and moves only with the events. */
public interface ClockPort {
    Instant now();
}
