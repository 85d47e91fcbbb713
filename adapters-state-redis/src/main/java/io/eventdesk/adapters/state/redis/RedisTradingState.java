package io.eventdesk.adapters.state.redis;

import io.eventdesk.domain.event.PeerActivityReceived;
import io.eventdesk.domain.instrument.InstrumentId;
import io.eventdesk.domain.port.SharedTradingStatePort;
import io.eventdesk.domain.trading.TradingState;
import io.eventdesk.domain.value.Currency;
import io.eventdesk.domain.value.Money;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shared state in Redis, under {@code eventdesk:desk:<desk>:}:
 *
 * <ul>
 *   <li>{@code trading-state}: a hash (state, reason, origin, version), written atomically by a script that bumps the
 *       version;
 *   <li>{@code submissions}: a stream, one entry per order a process submitted (origin, strategy, instrument, time),
 *       appended without waiting ({@code XADD}, trimmed to about {@link #KEPT} entries) and read by every other
 *       process from where it last read;
 *   <li>{@code daily-pnl}: a hash, one field per process (its origin): its daily PnL, currency and UTC day; a
 *       process's entry of an earlier day does not count.
 * </ul>
 *
 * <p>All of it is watched by polling every {@link #POLL}: another process's change is seen within that bound
 * whatever happened to the connection. A store that cannot be reached is reported to the listener once, and again
 * when it comes back.
 */
final class RedisTradingState implements SharedTradingStatePort {
    private static final Logger LOG = LoggerFactory.getLogger(RedisTradingState.class);
    static final Duration POLL = Duration.ofMillis(200);
    /** about how many submissions the stream keeps (older ones are trimmed) */
    static final long KEPT = 100_000;
    /** submissions read per call */
    private static final int BATCH = 10_000;

    private static final String WRITE = "local v = redis.call('HINCRBY', KEYS[1], 'version', 1)\n"
            + "redis.call('HSET', KEYS[1], 'state', ARGV[1], 'reason', ARGV[2], 'origin', ARGV[3])\n"
            + "return v";

    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;
    private final RedisCommands<String, String> redis;
    private final String key;
    private final String submissionsKey;
    private final String dailyPnlKey;
    /** this process's daily PnL as last given (any thread), and as last written (poll thread) */
    private final java.util.concurrent.atomic.AtomicReference<Money> pnl =
            new java.util.concurrent.atomic.AtomicReference<>();

    private Money pnlWritten;
    /** the last failure of a submission's append, reported by the next poll */
    private volatile String appendProblem;

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
        this.submissionsKey = "eventdesk:desk:" + desk + ":submissions";
        this.dailyPnlKey = "eventdesk:desk:" + desk + ":daily-pnl";
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
    public void submitted(String strategyId, InstrumentId instrument, Instant time) {
        try {
            connection
                    .async()
                    .xadd(
                            submissionsKey,
                            new XAddArgs().maxlen(KEPT).approximateTrimming(),
                            Map.of(
                                    "origin",
                                    origin,
                                    "strategy",
                                    strategyId,
                                    "instrument",
                                    instrument.value(),
                                    "time",
                                    time.toString()))
                    .whenComplete((id, e) -> {
                        if (e != null) {
                            appendProblem = e.getMessage();
                        }
                    });
        } catch (RuntimeException e) {
            appendProblem = e.getMessage();
        }
    }

    @Override
    public void dailyPnl(Money now) {
        pnl.set(now);
    }

    @Override
    public void watch(Listener listener, Duration lookback) {
        String from = Math.max(0, System.currentTimeMillis() - lookback.toMillis()) + "-0";
        Thread t = new Thread(() -> poll(listener, from), "eventdesk-shared-state");
        t.setDaemon(true);
        watcher = t;
        t.start();
    }

    private void poll(Listener listener, String from) {
        long seen = -1;
        boolean available = true;
        String lastId = from;
        Map<String, PeerActivityReceived.DailyPnl> othersPnl = Map.of();
        while (!closed.get()) {
            try {
                Shared s = read();
                List<PeerActivityReceived.Submission> submissions = new ArrayList<>();
                lastId = readSubmissions(lastId, submissions);
                writeDailyPnl();
                Map<String, PeerActivityReceived.DailyPnl> pnlNow = readOthersPnl();
                if (!submissions.isEmpty() || !pnlNow.equals(othersPnl)) {
                    othersPnl = pnlNow;
                    listener.peers(submissions, List.copyOf(pnlNow.values()));
                }
                String problem = appendProblem;
                if (problem != null) {
                    appendProblem = null;
                    throw new IllegalStateException(
                            "cannot append a submission to the shared state at " + described + ": " + problem);
                }
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

    /** Appends the others' submissions after {@code lastId} to {@code into}; returns the last id read. */
    private String readSubmissions(String lastId, List<PeerActivityReceived.Submission> into) {
        String id = lastId;
        try {
            while (true) {
                List<StreamMessage<String, String>> read =
                        redis.xread(XReadArgs.Builder.count(BATCH), XReadArgs.StreamOffset.from(submissionsKey, id));
                for (StreamMessage<String, String> m : read) {
                    id = m.getId();
                    Map<String, String> b = m.getBody();
                    if (!origin.equals(b.get("origin"))) {
                        into.add(new PeerActivityReceived.Submission(
                                b.get("origin"),
                                b.get("strategy"),
                                InstrumentId.of(b.get("instrument")),
                                Instant.parse(b.get("time"))));
                    }
                }
                if (read.size() < BATCH) {
                    return id;
                }
            }
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "cannot read the shared submissions at " + described + ": " + e.getMessage(), e);
        }
    }

    private void writeDailyPnl() {
        Money now = pnl.get();
        if (now == null || now.equals(pnlWritten)) {
            return;
        }
        try {
            redis.hset(
                    dailyPnlKey,
                    origin,
                    now.toBigDecimal().toPlainString() + " " + now.currency().code() + " " + today());
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "cannot write the daily PnL to the shared state at " + described + ": " + e.getMessage(), e);
        }
        pnlWritten = now;
    }

    /** The other processes' daily PnL of today, by origin. */
    private Map<String, PeerActivityReceived.DailyPnl> readOthersPnl() {
        Map<String, String> all;
        try {
            all = redis.hgetall(dailyPnlKey);
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "cannot read the daily PnL of the shared state at " + described + ": " + e.getMessage(), e);
        }
        Map<String, PeerActivityReceived.DailyPnl> others = new java.util.TreeMap<>();
        String today = today();
        for (Map.Entry<String, String> e : all.entrySet()) {
            String[] v = e.getValue().split(" ");
            if (e.getKey().equals(origin) || v.length != 3 || !v[2].equals(today)) {
                continue;
            }
            try {
                others.put(
                        e.getKey(),
                        new PeerActivityReceived.DailyPnl(
                                e.getKey(), Money.of(Currency.of(v[1]), new java.math.BigDecimal(v[0]))));
            } catch (RuntimeException bad) {
                LOG.warn(
                        "the daily PnL of {} in the shared state is not an amount and a currency: {}",
                        e.getKey(),
                        e.getValue());
            }
        }
        return others;
    }

    private static String today() {
        return java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
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
