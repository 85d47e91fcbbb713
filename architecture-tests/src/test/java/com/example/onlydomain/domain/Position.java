package com.example.onlydomain.domain;

import io.eventdesk.domain.value.Money;
import io.eventdesk.domain.value.Quantity;

/** A user's domain type built on eventdesk's values: pure, so no rule reports it. */
public record Position(Quantity quantity, Money cost) {}
