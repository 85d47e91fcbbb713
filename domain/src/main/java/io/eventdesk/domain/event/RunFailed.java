package io.eventdesk.domain.event;

import java.time.Instant;

/** A run stopped on bad input or a bug; everything journaled before it stays. */
public record RunFailed(long sequence, Instant time, String reason) implements SystemEvent {}
