package io.eventdesk.adapters.http;

import io.eventdesk.domain.instrument.Instrument;
import io.eventdesk.domain.port.ClockPort;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;

/**
 * How the API listens and what it accepts.
 *
 * @param bind the address to listen on (127.0.0.1 unless the operator chooses another)
 * @param port the port, 0 for any free one ({@link HttpApi#port()} says which)
 * @param token the bearer token every route but health and metrics requires; never logged, compared in constant time
 * @param maxBodyBytes the largest request body accepted
 * @param maxDepth the deepest nesting of a JSON body accepted
 * @param instruments what signals may name
 * @param wallClock the clock ages (of the last market data) are measured with
 * @param maxFeedSilence how long without market data health still calls the feed alive
 * @param maxJournalLag how many events not yet durable health still calls the journal healthy
 * @param retryAfter what {@code Retry-After} says to a strategy over its throttle
 * @param threads the HTTP threads (they validate and wait for the engine thread; they never touch the desk)
 */
public record ApiSettings(
        InetAddress bind,
        int port,
        String token,
        int maxBodyBytes,
        int maxDepth,
        List<Instrument> instruments,
        ClockPort wallClock,
        Duration maxFeedSilence,
        long maxJournalLag,
        Duration retryAfter,
        int threads) {

    public ApiSettings {
        if (bind == null || instruments == null || wallClock == null) {
            throw new IllegalArgumentException("the API needs an address, the instruments and a clock");
        }
        if (token == null || token.length() < 16) {
            throw new IllegalArgumentException("the API needs a bearer token of at least 16 characters");
        }
        if (port < 0 || port > 65535 || maxBodyBytes < 256 || maxDepth < 2 || threads < 1) {
            throw new IllegalArgumentException("port, body limit, depth limit or threads out of range");
        }
        instruments = List.copyOf(instruments);
    }

    /** Shown in messages and logs: never the token. */
    @Override
    public String toString() {
        return "ApiSettings[" + bind.getHostAddress() + ":" + port + ", token ****, maxBodyBytes " + maxBodyBytes
                + ", maxDepth " + maxDepth + "]";
    }
}
