package com.example.venue.adapters.acme;

import io.eventdesk.domain.port.ExecutionVenuePort;

/** A user's venue adapter implementing eventdesk's port, wrongly public: the rules check it like their own. */
public abstract class AcmeVenue implements ExecutionVenuePort {}
