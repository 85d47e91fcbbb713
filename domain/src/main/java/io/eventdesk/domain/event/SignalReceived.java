package io.eventdesk.domain.event;

import io.eventdesk.domain.signal.ExternalSignal;
import java.time.Instant;

/** A signal from outside as a session took it, stamped: its {@code time} is the stamp. */
public record SignalReceived(long sequence, Instant time, ExternalSignal signal) implements InputEvent {
    public SignalReceived {
        if (signal == null || !signal.time().equals(time)) {
            throw new IllegalArgumentException("a received signal is stamped with the time it was taken");
        }
    }
}
