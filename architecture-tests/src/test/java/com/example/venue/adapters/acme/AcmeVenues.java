package com.example.venue.adapters.acme;

/** The adapter's public entry point: beside it, the venue class itself must not be public. */
public final class AcmeVenues {
    private AcmeVenues() {}
}
