package com.example.plugin.adapters.solo;

import io.eventdesk.domain.port.ExecutionVenuePort;

/** A venue plugin: its package's one public class, named in a config by its class name. */
public abstract class SoloVenue implements ExecutionVenuePort {}
