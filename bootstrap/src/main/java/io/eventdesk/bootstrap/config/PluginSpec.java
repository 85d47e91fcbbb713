package io.eventdesk.bootstrap.config;

import io.eventdesk.domain.strategy.StrategyParameters;

/**
 * A class of the user's own named in the config, with its settings: a venue ({@code venue.class}), a market data
 * feed ({@code data[i].class}) or a journal ({@code journal.class}).
 *
 * @param className the fully qualified name of a public class implementing the port
 * @param params its {@code params}, with their config paths for error messages
 * @param key the config key that names the class ({@code venue.class}, say), for error messages
 */
public record PluginSpec(String className, StrategyParameters params, String key) {}
