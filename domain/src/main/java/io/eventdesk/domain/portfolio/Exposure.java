package io.eventdesk.domain.portfolio;

import io.eventdesk.domain.value.Money;

/** Gross (Σ |value|) and net (Σ value, shorts negative) exposure of some positions, in the base currency. */
public record Exposure(Money gross, Money net) {}
