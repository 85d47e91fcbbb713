package io.eventdesk.adapters.marketdata.live;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventdesk.domain.market.Bar;
import io.eventdesk.domain.market.BookUpdate;
import io.eventdesk.domain.market.Trade;
import io.eventdesk.domain.value.Side;
import java.net.URI;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Bybit v5 public streams ({@code /v5/public/spot}, {@code /v5/public/linear}): subscribed on every connection to
 * {@code publicTrade.<symbol>} (deduped by trade id), {@code kline.<interval>.<symbol>} (a bar when {@code confirm})
 * and {@code orderbook.<depth>.<symbol>}: a snapshot resets the local book (so does {@code u = 1}, Bybit's service
 * restart), a delta applies to it; a delta before any snapshot, or one whose {@code u} skips, resyncs from a new
 * subscription. {@code {"op":"ping"}} every 20 s.
 */
final class BybitSource extends LiveSource {
    static final Duration PING = Duration.ofSeconds(20);
    static final int DEPTH = 50;
    private static final Map<String, String> INTERVALS = Map.ofEntries(
            Map.entry("1m", "1"),
            Map.entry("3m", "3"),
            Map.entry("5m", "5"),
            Map.entry("15m", "15"),
            Map.entry("30m", "30"),
            Map.entry("1h", "60"),
            Map.entry("2h", "120"),
            Map.entry("4h", "240"),
            Map.entry("6h", "360"),
            Map.entry("12h", "720"),
            Map.entry("1d", "D"),
            Map.entry("1w", "W"),
            Map.entry("1M", "M"));

    private final LocalBook book = new LocalBook();
    /** written by the connection's thread and the stream's (a disconnect) */
    private volatile boolean synced;

    private long lastPing;
    private volatile long pings;

    BybitSource(LiveFeedSpec spec) {
        super(spec);
        if (spec.klineInterval() != null && !INTERVALS.containsKey(spec.klineInterval())) {
            throw new IllegalArgumentException("Bybit has no kline interval '" + spec.klineInterval() + "' (one of "
                    + String.join(", ", new java.util.TreeSet<>(INTERVALS.keySet())) + ")");
        }
    }

    /** Bybit's name of a bar interval ({@code 1m} is {@code 1}, {@code 1h} is {@code 60}). */
    static boolean knows(String interval) {
        return INTERVALS.containsKey(interval);
    }

    @Override
    URI uri() {
        return spec.webSocket();
    }

    private List<String> topics() {
        String s = spec.symbol().toUpperCase(Locale.ROOT);
        List<String> t = new ArrayList<>();
        if (spec.trades()) {
            t.add("publicTrade." + s);
        }
        if (spec.klineInterval() != null) {
            t.add("kline." + INTERVALS.get(spec.klineInterval()) + "." + s);
        }
        if (spec.book()) {
            t.add("orderbook." + DEPTH + "." + s);
        }
        return t;
    }

    @Override
    void opened() {
        synced = false;
    }

    @Override
    void subscribe(WebSocket ws) {
        lastPing = System.nanoTime();
        ws.sendText("{\"op\":\"subscribe\",\"args\":[\"" + String.join("\",\"", topics()) + "\"]}", true)
                .join();
    }

    @Override
    void tick(WebSocket ws, long connectedNanos) {
        if (System.nanoTime() - lastPing >= PING.toNanos()) {
            lastPing = System.nanoTime();
            pings++;
            ws.sendText("{\"op\":\"ping\"}", true).join();
        }
    }

    @Override
    void disconnected() {
        synced = false;
    }

    @Override
    void message(JsonNode m) {
        if (m.has("op")) {
            if (!m.path("success").asBoolean(true)) {
                report("Bybit refused " + m.get("op").asText() + ": "
                        + m.path("ret_msg").asText());
            }
            return; // subscribe and pong answers
        }
        String topic = m.path("topic").asText("");
        if (topic.startsWith("publicTrade.")) {
            for (JsonNode t : m.get("data")) {
                if (duplicate(t.get("i").asText())) {
                    continue;
                }
                deliver(new Trade(
                        spec.instrument().id(),
                        Instant.ofEpochMilli(t.get("T").asLong()),
                        grid.price(t.get("p").asText()),
                        grid.size(t.get("v").asText()),
                        t.get("S").asText().equals("Sell") ? Side.SELL : Side.BUY)); // S: the taker's side
            }
        } else if (topic.startsWith("kline.")) {
            for (JsonNode k : m.get("data")) {
                if (k.get("confirm").asBoolean()) {
                    deliver(new Bar(
                            spec.instrument().id(),
                            Instant.ofEpochMilli(k.get("start").asLong()),
                            Instant.ofEpochMilli(k.get("end").asLong() + 1), // end is the bar's last millisecond
                            grid.price(k.get("open").asText()),
                            grid.price(k.get("high").asText()),
                            grid.price(k.get("low").asText()),
                            grid.price(k.get("close").asText()),
                            grid.size(k.get("volume").asText())));
                }
            }
        } else if (topic.startsWith("orderbook.")) {
            orderbook(m);
        } else {
            throw new IllegalArgumentException("an unknown topic '" + topic + "'");
        }
    }

    private void orderbook(JsonNode m) {
        JsonNode d = m.get("data");
        long u = d.get("u").asLong();
        Instant time = Instant.ofEpochMilli(m.get("ts").asLong());
        List<BookUpdate.Level> bids = levels(d.get("b"));
        List<BookUpdate.Level> asks = levels(d.get("a"));
        boolean snapshot = m.path("type").asText().equals("snapshot");
        if (snapshot || u == 1) {
            if (u == 1 && !snapshot) {
                report("orderbook u = 1: Bybit restarted its service; the book is reset from this message");
            }
            book.reset(bids, asks, u);
            synced = true;
            if (!book.isEmpty()) {
                deliver(book.snapshot(spec.instrument().id(), time));
            }
            return;
        }
        if (!synced) {
            return; // a delta before any snapshot: wait for it
        }
        if (u != book.updateId() + 1) {
            resyncs.incrementAndGet();
            synced = false;
            reconnect(
                    "the orderbook skipped from u " + book.updateId() + " to " + u + ": resubscribing for a snapshot");
            return;
        }
        book.apply(bids, asks, u);
        if (!bids.isEmpty() || !asks.isEmpty()) {
            deliver(new BookUpdate(spec.instrument().id(), time, u, false, bids, asks));
        }
    }

    private List<BookUpdate.Level> levels(JsonNode side) {
        List<BookUpdate.Level> out = new ArrayList<>();
        if (side != null) {
            for (JsonNode l : side) {
                out.add(new BookUpdate.Level(
                        grid.price(l.get(0).asText()), grid.size(l.get(1).asText())));
            }
        }
        return out;
    }

    LocalBook book() {
        return book;
    }

    long pings() {
        return pings;
    }
}
