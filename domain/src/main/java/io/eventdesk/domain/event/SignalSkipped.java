package io.eventdesk.domain.event;

import io.eventdesk.domain.instrument.InstrumentId;
import java.time.Instant;

/**
 * A signal that needed no order (the target is already held or on its way), with the signal's sequence.
 */
public record SignalSkipped(
        long sequence, Instant time, String strategyId, long signalSequence, InstrumentId instrument, String reason)
        implements StrategyEvent {}
