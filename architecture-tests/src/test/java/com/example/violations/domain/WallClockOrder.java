package com.example.violations.domain;

import java.time.Instant;

/** VIOLATION: the domain reads the wall clock. */
public final class WallClockOrder {
    public Instant createdAt() {
        return Instant.now();
    }
}
