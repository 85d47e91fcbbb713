package io.eventdesk.domain.event;

import io.eventdesk.domain.signal.Signal;
import java.time.Instant;

/** A strategy raised a signal, with its reason. */
public record SignalRaised(long sequence, Instant time, String strategyId, Signal signal) implements StrategyEvent {}
