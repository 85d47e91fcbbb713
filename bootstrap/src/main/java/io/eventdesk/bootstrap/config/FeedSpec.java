package io.eventdesk.bootstrap.config;

import io.eventdesk.domain.instrument.Instrument;

/**
 * An entry of {@code data} that names a market data feed of the user's own ({@code class}, {@code params}) in place
 * of files.
 *
 * @param instrument the instrument the feed's records must all be about
 */
public record FeedSpec(Instrument instrument, PluginSpec plugin) {}
