package com.example.violations.domain.port;

/** VIOLATION (with adapters.one.PublicJournal): an adapter implements a port interface not named …Port. */
public interface Listener {
    void on(String event);
}
