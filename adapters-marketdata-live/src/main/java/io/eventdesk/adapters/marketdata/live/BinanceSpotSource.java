package io.eventdesk.adapters.marketdata.live;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventdesk.domain.market.Bar;
import io.eventdesk.domain.market.BookUpdate;
import io.eventdesk.domain.market.Trade;
import io.eventdesk.domain.value.Side;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Binance spot's public combined streams ({@code /stream?streams=…}): {@code <symbol>@trade} (a trade per message,
 * deduped by trade id, a jump in ids reported as a gap), {@code <symbol>@kline_<interval>} (a bar when {@code x} is
 * true: closed), and {@code <symbol>@depth@100ms} kept as a local book by the documented procedure: buffer the
 * stream, fetch the REST snapshot ({@code /api/v3/depth}), fetch again while it is older than the first buffered
 * event, drop events with {@code u} ≤ its {@code lastUpdateId}, apply the rest in order, and start again from a new
 * snapshot when an event's {@code U} is beyond the local id + 1. A connection is renewed before Binance's 24-hour
 * limit, and at once on {@code serverShutdown}.
 */
final class BinanceSpotSource extends LiveSource {
    /** renewed before Binance closes a connection at 24 hours */
    static final Duration LIFETIME = Duration.ofHours(23).plusMinutes(30);

    private static final int SNAPSHOT_TRIES = 3;

    private final LocalBook book = new LocalBook();
    /** written by the connection's thread and the stream's (a disconnect) */
    private volatile boolean synced;

    private long lastTradeId = -1;

    BinanceSpotSource(LiveFeedSpec spec) {
        super(spec);
    }

    @Override
    URI uri() {
        String s = spec.symbol().toLowerCase(Locale.ROOT);
        List<String> streams = new ArrayList<>();
        if (spec.trades()) {
            streams.add(s + "@trade");
        }
        if (spec.klineInterval() != null) {
            streams.add(s + "@kline_" + spec.klineInterval());
        }
        if (spec.book()) {
            streams.add(s + "@depth@100ms");
        }
        String base = spec.webSocket().toString().replaceAll("/+$", "");
        return URI.create(base + "/stream?streams=" + String.join("/", streams));
    }

    @Override
    void opened() {
        synced = false;
    }

    @Override
    void tick(WebSocket ws, long connectedNanos) {
        if (System.nanoTime() - connectedNanos > LIFETIME.toNanos()) {
            reconnect("the connection is " + LIFETIME.toHours() + " h old: renewed before Binance's 24-hour limit");
        }
    }

    @Override
    void disconnected() {
        synced = false;
    }

    @Override
    void message(JsonNode m) {
        JsonNode data = m.has("data") ? m.get("data") : m;
        String e = data.path("e").asText("");
        switch (e) {
            case "trade" -> trade(data);
            case "kline" -> kline(data.get("k"));
            case "depthUpdate" -> depth(data);
            case "serverShutdown" -> reconnect("the server is shutting down: reconnecting");
            default -> {
                if (m.has("result") && m.has("id")) {
                    return; // an answer to a request
                }
                throw new IllegalArgumentException("an unknown event '" + e + "'");
            }
        }
    }

    private void trade(JsonNode t) {
        long id = t.get("t").asLong();
        if (duplicate(Long.toString(id))) {
            return;
        }
        if (lastTradeId >= 0 && id > lastTradeId + 1) {
            gaps.incrementAndGet();
            report("trade ids jumped from " + lastTradeId + " to " + id + " (" + (id - lastTradeId - 1) + " missing)");
        }
        lastTradeId = Math.max(lastTradeId, id);
        deliver(new Trade(
                spec.instrument().id(),
                Instant.ofEpochMilli(t.get("T").asLong()),
                grid.price(t.get("p").asText()),
                grid.size(t.get("q").asText()),
                t.get("m").asBoolean() ? Side.SELL : Side.BUY)); // m: the buyer is the maker, so the seller took
    }

    private void kline(JsonNode k) {
        if (!k.get("x").asBoolean()) {
            return; // not closed yet
        }
        deliver(new Bar(
                spec.instrument().id(),
                Instant.ofEpochMilli(k.get("t").asLong()),
                Instant.ofEpochMilli(k.get("T").asLong() + 1), // T is the last millisecond of the bar
                grid.price(k.get("o").asText()),
                grid.price(k.get("h").asText()),
                grid.price(k.get("l").asText()),
                grid.price(k.get("c").asText()),
                grid.size(k.get("v").asText())));
    }

    private void depth(JsonNode d) {
        long first = d.get("U").asLong();
        long last = d.get("u").asLong();
        Instant time = Instant.ofEpochMilli(d.get("E").asLong());
        if (synced && last <= book.updateId()) {
            return; // older than the book
        }
        if (synced && first > book.updateId() + 1) {
            resyncs.incrementAndGet();
            report("the diff depth stream skipped from " + book.updateId() + " to " + first + ": resyncing from a new"
                    + " snapshot");
            synced = false;
        }
        if (!synced) {
            if (!sync(first, time)) {
                return;
            }
            if (last <= book.updateId()) {
                return; // the event is in the snapshot already
            }
        }
        List<BookUpdate.Level> bids = levels(d.get("b"));
        List<BookUpdate.Level> asks = levels(d.get("a"));
        book.apply(bids, asks, last);
        if (!bids.isEmpty() || !asks.isEmpty()) {
            deliver(new BookUpdate(spec.instrument().id(), time, last, false, bids, asks));
        }
    }

    /** Takes a snapshot no older than the first buffered event {@code U}; false when none could be had. */
    private boolean sync(long firstBuffered, Instant time) {
        for (int attempt = 1; attempt <= SNAPSHOT_TRIES; attempt++) {
            JsonNode s = snapshot();
            if (s == null) {
                return false;
            }
            long id = s.get("lastUpdateId").asLong();
            if (id < firstBuffered) {
                report("the depth snapshot (" + id + ") is older than the first buffered event (" + firstBuffered
                        + "): fetching another");
                continue;
            }
            book.reset(levels(s.get("bids")), levels(s.get("asks")), id);
            synced = true;
            deliver(book.snapshot(spec.instrument().id(), time));
            return true;
        }
        return false;
    }

    private JsonNode snapshot() {
        URI u = URI.create(spec.rest().toString().replaceAll("/+$", "") + "/api/v3/depth?symbol="
                + spec.symbol().toUpperCase(Locale.ROOT) + "&limit=1000");
        try {
            HttpResponse<String> r = http().send(
                            HttpRequest.newBuilder(u)
                                    .timeout(Duration.ofSeconds(10))
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                report("the depth snapshot " + u + " answered " + r.statusCode());
                return null;
            }
            return JSON.readTree(r.body());
        } catch (java.io.IOException e) {
            report("cannot fetch the depth snapshot " + u + ": " + e.getMessage());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
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

    /** The book as this source keeps it (tests, health). */
    LocalBook book() {
        return book;
    }
}
