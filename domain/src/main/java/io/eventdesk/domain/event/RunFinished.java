package io.eventdesk.domain.event;

import java.time.Instant;

/** A run ended normally after {@code marketEvents} market events. */
public record RunFinished(long sequence, Instant time, long marketEvents) implements SystemEvent {}
