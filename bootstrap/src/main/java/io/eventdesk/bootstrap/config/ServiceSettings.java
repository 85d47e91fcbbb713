package io.eventdesk.bootstrap.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The config's {@code service} section: how {@code eventdesk serve} listens and what feeds it.
 *
 * @param bind the address to listen on (127.0.0.1 by default)
 * @param port the port (8080 by default; 0 for any free one)
 * @param tokenEnv the environment variable holding the bearer token (EVENTDESK_TOKEN by default)
 * @param tokenFile a file holding the token instead (its first line), or null; the token is never in the config
 * @param speed how fast the replay source plays the config's data: 1 is real time
 * @param maxBodyBytes the largest request body accepted
 * @param maxFeedSilence how long without market data health still calls the feed alive
 * @param redisUrl the Redis holding the trading state this desk shares with its other processes, or null
 * @param desk the name the processes of one desk share their state under (the config's name by default)
 */
public record ServiceSettings(
        String bind,
        int port,
        String tokenEnv,
        Path tokenFile,
        double speed,
        int maxBodyBytes,
        Duration maxFeedSilence,
        String redisUrl,
        String desk) {

    public static ServiceSettings defaults() {
        return new ServiceSettings(
                "127.0.0.1", 8080, "EVENTDESK_TOKEN", null, 1, 65_536, Duration.ofMinutes(5), null, null);
    }

    /** The same, listening on {@code otherPort}. */
    public ServiceSettings withPort(int otherPort) {
        return new ServiceSettings(
                bind, otherPort, tokenEnv, tokenFile, speed, maxBodyBytes, maxFeedSilence, redisUrl, desk);
    }
}
