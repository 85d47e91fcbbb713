package io.eventdesk.adapters.marketdata.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.eventdesk.domain.market.MarketData;
import io.eventdesk.domain.port.LiveMarketDataPort;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One exchange stream on the JDK's WebSocket client, on a thread of its own: it connects, hands each text message to
 * the exchange's protocol, and reconnects with a capped exponential backoff and jitter when the connection closes,
 * fails, goes silent beyond {@code maxGap} or the protocol asks for it (a book out of sync, a server shutting down,
 * a connection near the exchange's lifetime limit). Pings are answered by the JDK's client. Trades seen twice (across
 * a reconnect) are dropped by id. A malformed message is counted and reported; the stream goes on.
 */
abstract class LiveSource implements LiveMarketDataPort {
    private static final Logger LOG = LoggerFactory.getLogger(LiveSource.class);
    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    /** trade ids remembered for dedupe */
    private static final int SEEN = 100_000;

    final LiveFeedSpec spec;
    final Grid grid;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final SplittableRandom jitter;
    private final LinkedHashSet<String> seenTrades = new LinkedHashSet<>();
    private volatile Listener listener;
    private volatile boolean closed;
    private final Object deliveryLock = new Object();
    private volatile boolean reconnect;
    private volatile String reconnectWhy;
    private volatile Thread thread;
    private volatile WebSocket socket;
    private volatile boolean connected;
    private volatile String problem;
    private volatile Instant lastDelivered;
    private volatile long lastMessageNanos;
    final AtomicLong delivered = new AtomicLong();
    final AtomicLong duplicates = new AtomicLong();
    final AtomicLong gaps = new AtomicLong();
    final AtomicLong resyncs = new AtomicLong();
    final AtomicLong malformed = new AtomicLong();
    final AtomicLong reconnects = new AtomicLong();
    final AtomicLong connections = new AtomicLong();
    final AtomicLong skipped = new AtomicLong();
    /** what ended the stream for good (a strict validation), or null */
    private volatile RuntimeException failure;

    LiveSource(LiveFeedSpec spec) {
        this.spec = spec;
        this.grid = new Grid(spec.instrument(), spec.validation());
        this.jitter = new SplittableRandom(spec.seed());
    }

    /** Where to connect. */
    abstract URI uri();

    /** A new connection is open, before any of its messages: reset what it must (a book to sync again). */
    abstract void opened();

    /** After the connection opened, on the stream's thread: send what the exchange needs first (a subscription). */
    void subscribe(WebSocket ws) {}

    /** One whole text message. */
    abstract void message(JsonNode message);

    /** Called about every 100 ms while connected: pings, lifetimes. */
    void tick(WebSocket ws, long connectedNanos) {}

    /** The connection is gone: what it kept (a book) is no longer in sync. */
    abstract void disconnected();

    HttpClient http() {
        return http;
    }

    @Override
    public void start(Listener listener) {
        this.listener = listener;
        Thread t = new Thread(this::run, "eventdesk-live-" + spec.exchange() + "-" + spec.symbol());
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    private void run() {
        int attempt = 0;
        while (!closed) {
            CompletableFuture<Void> ended = new CompletableFuture<>();
            WebSocket ws = null;
            boolean received = false;
            try {
                reconnect = false;
                ws = http.newWebSocketBuilder()
                        .connectTimeout(Duration.ofSeconds(5))
                        .buildAsync(uri(), new Handler(ended))
                        .get(10, TimeUnit.SECONDS);
                socket = ws;
                connections.incrementAndGet();
                connected = true;
                long since = System.nanoTime();
                lastMessageNanos = since;
                long messagesBefore = delivered.get();
                subscribe(ws);
                while (!closed && !ended.isDone()) {
                    try {
                        ended.get(100, TimeUnit.MILLISECONDS);
                    } catch (TimeoutException stillOpen) {
                        if (reconnect) {
                            report(reconnectWhy);
                            break;
                        }
                        long silentFor = System.nanoTime() - lastMessageNanos;
                        if (silentFor > spec.maxGap().toNanos()) {
                            gaps.incrementAndGet();
                            report("silent for " + Duration.ofNanos(silentFor).toMillis() + " ms (max-gap "
                                    + spec.maxGap().toMillis() + " ms): reconnecting");
                            break;
                        }
                        tick(ws, since);
                    }
                }
                received = delivered.get() > messagesBefore;
                if (ended.isDone() && !ended.isCompletedExceptionally()) {
                    report("the server closed the connection");
                }
            } catch (java.util.concurrent.ExecutionException e) {
                report("cannot connect to " + uri() + ": " + rootMessage(e));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (TimeoutException e) {
                report("cannot connect to " + uri() + ": no answer in 10 s");
            } catch (RuntimeException e) {
                report("the stream failed: " + rootMessage(e));
            }
            connected = false;
            disconnected();
            if (ws != null) {
                ws.abort();
            }
            if (closed) {
                break;
            }
            if (failure != null) {
                listener.onEnd(new IllegalStateException(spec.describe() + ": " + failure.getMessage(), failure));
                break;
            }
            reconnects.incrementAndGet();
            attempt = received ? 0 : attempt + 1;
            long delay = backoff(attempt);
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        connected = false;
    }

    /** The delay before reconnect attempt {@code attempt}: base × 2^attempt capped, half of it jittered. */
    long backoff(int attempt) {
        long cap = spec.backoffCap().toMillis();
        long d = Math.min(cap, spec.backoffBase().toMillis() << Math.min(attempt, 20));
        return d / 2 + (long) (jitter.nextDouble() * (d / 2.0 + 1));
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

    /** Asks for a new connection (a book to resync from scratch, a server going away). */
    void reconnect(String why) {
        reconnectWhy = why;
        reconnect = true;
    }

    void report(String what) {
        problem = what;
        LOG.warn("{}: {}", spec.describe(), what);
    }

    /** Whether a trade id was seen already (then it is dropped and counted). */
    boolean duplicate(String tradeId) {
        synchronized (seenTrades) {
            if (!seenTrades.add(tradeId)) {
                duplicates.incrementAndGet();
                return true;
            }
            if (seenTrades.size() > SEEN) {
                var it = seenTrades.iterator();
                it.next();
                it.remove();
            }
            return false;
        }
    }

    /** Hands {@code d} on, unless the source is closed: nothing is delivered once {@link #close} returned. */
    void deliver(MarketData d) {
        synchronized (deliveryLock) {
            if (closed) {
                return;
            }
            listener.onMarketData(d);
            delivered.incrementAndGet();
            lastDelivered = Instant.now();
        }
    }

    @Override
    public Status status() {
        return new Status(spec.describe(), connected, delivered.get(), lastDelivered, problem, counters());
    }

    /** What the stream counted: the live part of the data-quality report. */
    Map<String, Long> counters() {
        Map<String, Long> c = new LinkedHashMap<>();
        c.put("connections", connections.get());
        c.put("reconnects", reconnects.get());
        c.put("duplicates_dropped", duplicates.get());
        c.put("gaps", gaps.get());
        c.put("book_resyncs", resyncs.get());
        c.put("malformed_messages", malformed.get());
        c.put("prices_rounded_to_tick", grid.pricesRounded.get());
        c.put("sizes_rounded_to_lot", grid.sizesRounded.get());
        c.put("messages_skipped", skipped.get());
        return c;
    }

    @Override
    public void close() {
        synchronized (deliveryLock) {
            closed = true;
        }
        WebSocket ws = socket;
        if (ws != null) {
            ws.abort();
        }
        Thread t = thread;
        if (t != null) {
            t.interrupt();
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private final class Handler implements WebSocket.Listener {
        private final CompletableFuture<Void> ended;
        private final StringBuilder text = new StringBuilder();

        Handler(CompletableFuture<Void> ended) {
            this.ended = ended;
        }

        /** Before any message: what a new connection must do (subscribe, forget the old book). */
        @Override
        public void onOpen(WebSocket ws) {
            opened();
            ws.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                String whole = text.toString();
                text.setLength(0);
                lastMessageNanos = System.nanoTime();
                JsonNode node;
                try {
                    node = JSON.readTree(whole);
                } catch (java.io.IOException | RuntimeException e) {
                    malformed.incrementAndGet();
                    report("a malformed message (not JSON): " + abbreviate(whole));
                    ws.request(1);
                    return null;
                }
                try {
                    message(node);
                } catch (Grid.OffGrid e) {
                    if (spec.validation().equals("strict")) {
                        report("validation strict: " + e.getMessage() + ": the stream ends");
                        failure = e; // before the stream's thread wakes up to it
                        ended.completeExceptionally(e);
                        return null;
                    }
                    skipped.incrementAndGet();
                    report("validation skip: " + e.getMessage() + ": the message is dropped");
                } catch (RuntimeException e) {
                    malformed.incrementAndGet();
                    report("a malformed message (" + rootMessage(e) + "): " + abbreviate(whole));
                }
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPing(WebSocket ws, java.nio.ByteBuffer message) {
            lastMessageNanos = System.nanoTime();
            return WebSocket.Listener.super.onPing(ws, message); // the client answers with a pong
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            ended.complete(null);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            ended.completeExceptionally(error);
        }
    }

    static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "…";
    }
}
