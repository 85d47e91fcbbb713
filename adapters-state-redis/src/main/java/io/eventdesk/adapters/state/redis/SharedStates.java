package io.eventdesk.adapters.state.redis;

import io.eventdesk.domain.port.SharedTradingStatePort;

/** The entry point of the Redis adapter. */
public final class SharedStates {
    private SharedStates() {}

    /**
     * The shared trading state of {@code desk} in the Redis at {@code url} ({@code redis://host:port}), written by this
     * process as {@code origin}.
     *
     * @throws IllegalStateException when Redis cannot be reached
     */
    public static SharedTradingStatePort redis(String url, String desk, String origin) {
        return new RedisTradingState(url, desk, origin);
    }
}
