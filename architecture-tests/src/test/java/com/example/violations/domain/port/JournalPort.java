package com.example.violations.domain.port;

/** A proper out-port of the fixture code base. */
public interface JournalPort {
    void append(String event);
}
