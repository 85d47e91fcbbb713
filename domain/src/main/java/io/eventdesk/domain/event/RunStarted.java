package io.eventdesk.domain.event;

import io.eventdesk.domain.value.Money;
import java.time.Instant;

/** A run began: its name, seed and starting cash. {@code time} is the first market data's time. */
public record RunStarted(long sequence, Instant time, String runName, long seed, Money initialCash)
        implements SystemEvent {}
