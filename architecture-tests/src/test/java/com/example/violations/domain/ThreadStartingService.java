package com.example.violations.domain;

/** VIOLATION: the domain starts a thread. */
public final class ThreadStartingService {
    public void start(Runnable work) {
        new Thread(work).start();
    }
}
