package com.example.violations.domain.port;

/** VIOLATION: a port that is a class, not an interface. */
public class ClockPort {
    public long now() {
        return 0;
    }
}
