package io.eventdesk.bootstrap.config;

import io.eventdesk.domain.strategy.StrategyParameters;

/**
 * The config's {@code venue} section: a venue of the user's own in place of the paper venue.
 *
 * @param className the fully qualified name of a public class implementing {@code ExecutionVenuePort}
 * @param params its {@code venue.params}, with their config paths for error messages
 * @param key the config key that names the class ({@code venue.class}), for error messages
 */
public record VenueSpec(String className, StrategyParameters params, String key) {}
