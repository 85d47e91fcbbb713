package com.example.violations.application;

import com.example.violations.adapters.one.PublicJournal;

/** VIOLATION: the application uses an adapter directly; and reads the wall clock. */
public final class AdapterAwareUseCase {
    public void run() {
        new PublicJournal().append("x" + System.currentTimeMillis());
    }
}
