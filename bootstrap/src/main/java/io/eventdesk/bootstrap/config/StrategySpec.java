package io.eventdesk.bootstrap.config;

import io.eventdesk.domain.strategy.StrategyParameters;

/** One strategy of a config: its id, its type (a built-in name or a class name) and its parameters. */
public record StrategySpec(String id, String type, StrategyParameters params, String key) {}
