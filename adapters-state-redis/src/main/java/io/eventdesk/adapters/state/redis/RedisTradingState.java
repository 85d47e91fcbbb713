package io.eventdesk.adapters.state.redis;

import io.eventdesk.domain.port.SharedTradingStatePort;
import io.eventdesk.domain.trading.TradingState;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shared trading state in Redis: one hash per desk ({@code eventdesk:desk:<desk>:trading-state}: state, reason,
 * origin, version), written atomically by a script that bumps the version, and watched by polling every
 * {@link #POLL}: another process's change is seen within that bound whatever happened to the connection. A store
 * that cannot be reached is reported to the listener once, and again when it comes back.
 */
final class RedisTradingState implements SharedTradingStatePort {
    private static final Logger LOG = LoggerFactory.getLogger(RedisTradingState.class);
    static final Duration POLL = Duration.ofMillis(200);
    private static final String WRITE = "local v = redis.call('HINCRBY', KEYS[1], 'version', 1)\n"
            + "redis.call('HSET', KEYS[1], 'state', ARGV[1], 'reason', ARGV[2], 'origin', ARGV[3])\n"
            + "return v";

    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;
    private final RedisCommands<String, String> redis;
    private final String key;
    private final String origin;
    private final String described;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Thread watcher;

    RedisTradingState(String url, String desk, String origin) {
        RedisURI uri = RedisURI.create(url);
        uri.setTimeout(Duration.ofSeconds(1));
        this.described = "redis://" + uri.getHost() + ":" + uri.getPort() + "/" + uri.getDatabase();
        this.client = RedisClient.create(uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder()
                        .connectTimeout(Duration.ofSeconds(1))
                        .build())
                .build());
        try {
            this.connection = client.connect();
        } catch (RuntimeException e) {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
            throw new IllegalStateException("cannot reach the shared state at " + described + ": " + e.getMessage(), e);
        }
        this.redis = connection.sync();
        this.key = "eventdesk:desk:" + desk + ":trading-state";
        this.origin = origin;
    }

    @Override
    public Shared read() {
        Map<String, String> h;
        try {
            h = redis.hgetall(key);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot read the shared state at " + described + ": " + e.getMessage(), e);
        }
        if (h == null || h.isEmpty() || h.get("state") == null) {
            return new Shared(TradingState.ACTIVE, "no shared state yet", null, 0);
        }
        return new Shared(
                TradingState.valueOf(h.get("state")),
                h.get("reason"),
                h.get("origin"),
                Long.parseLong(h.getOrDefault("version", "0")));
    }

    @Override
    public void write(TradingState state, String reason) {
        try {
            redis.eval(WRITE, ScriptOutputType.INTEGER, new String[] {key}, state.name(), reason, origin);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot write the shared state at " + described + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void watch(Listener listener) {
        Thread t = new Thread(() -> poll(listener), "eventdesk-shared-state");
        t.setDaemon(true);
        watcher = t;
        t.start();
    }

    private void poll(Listener listener) {
        long seen = -1;
        boolean available = true;
        while (!closed.get()) {
            try {
                Shared s = read();
                if (!available) {
                    available = true;
                    seen = s.version();
                    listener.available(s);
                } else if (seen < 0) {
                    seen = s.version();
                } else if (s.version() > seen) {
                    seen = s.version();
                    if (!origin.equals(s.origin())) {
                        listener.changed(s);
                    }
                }
            } catch (IllegalStateException e) {
                if (available) {
                    available = false;
                    LOG.warn("the shared trading state is unavailable: {}", e.getMessage());
                    listener.unavailable(e.getMessage());
                }
            } catch (RuntimeException e) {
                LOG.error("the shared state's listener failed", e);
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public String describe() {
        return described + " " + key;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        Thread t = watcher;
        if (t != null) {
            t.interrupt();
        }
        connection.close();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
    }
}
