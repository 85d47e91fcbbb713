package com.example.violations.adapters.one;

/** The adapter's public entry point: beside it, the journal class itself must not be public. */
public final class Journals {
    private Journals() {}
}
