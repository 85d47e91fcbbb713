package com.example.violations.adapters.one;

import com.example.violations.adapters.two.Helper;
import com.example.violations.domain.port.JournalPort;
import com.example.violations.domain.port.Listener;

/** VIOLATION: a public port implementation, using another adapter, implementing a non-port interface. */
public class PublicJournal implements JournalPort, Listener {
    @Override
    public void append(String event) {
        Helper.help(event);
    }

    @Override
    public void on(String event) {
        append(event);
    }
}
