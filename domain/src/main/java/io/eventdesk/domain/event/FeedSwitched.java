package io.eventdesk.domain.event;

import java.time.Instant;

/**
 * A session's market data source switched (a failover to a secondary, and back), as the engine thread took it:
 * journaled so the session's journal says which source its market data came from when.
 */
public record FeedSwitched(long sequence, Instant time, String from, String to, String reason) implements InputEvent {}
