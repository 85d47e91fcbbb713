package io.eventdesk.adapters.marketdata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventdesk.domain.error.BadInputException;
import io.eventdesk.domain.instrument.InstrumentId;
import io.eventdesk.domain.market.Bar;
import io.eventdesk.domain.market.BookUpdate;
import io.eventdesk.domain.market.MarketData;
import io.eventdesk.domain.market.Trade;
import io.eventdesk.domain.port.MarketDataFeedPort;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import io.eventdesk.domain.value.Side;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A live session's market data in the order the session took it, one JSON line per piece (trades, bars, book
 * messages), exact decimals as text: what a live session is resumed and re-run from. Its files per kind, sorted by
 * time when read, could not give that order across kinds.
 */
final class ArrivalLog {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private ArrivalLog() {}

    /** Appends each piece as a line, after keeping only the first {@code keep} lines of what the file holds. */
    static final class Writer implements MarketDataFeeds.ArrivalsWriter {
        private final Path file;
        private final BufferedWriter out;

        Writer(Path file, long keep) {
            this.file = file;
            try {
                Files.createDirectories(file.toAbsolutePath().getParent());
                if (Files.exists(file)) {
                    List<String> kept = new ArrayList<>();
                    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                        String l;
                        while (kept.size() < keep && (l = r.readLine()) != null) {
                            kept.add(l);
                        }
                    }
                    Files.write(file, kept, StandardCharsets.UTF_8); // a piece the session did not take is gone
                }
                out = Files.newBufferedWriter(
                        file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file, e);
            }
        }

        @Override
        public synchronized void accept(MarketData d) {
            try {
                out.write(JSON.writeValueAsString(line(d)));
                out.write('\n');
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file, e);
            }
        }

        @Override
        public synchronized void close() {
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file, e);
            }
        }
    }

    private static ObjectNode line(MarketData d) {
        ObjectNode n = JSON.createObjectNode();
        n.put("i", d.instrument().value());
        if (d instanceof Trade t) {
            n.put("t", "trade")
                    .put("time", t.time().toString())
                    .put("p", t.price().toString())
                    .put("q", t.size().toString());
            if (t.aggressor() != null) {
                n.put("s", t.aggressor().name());
            }
        } else if (d instanceof Bar b) {
            n.put("t", "bar")
                    .put("open", b.openTime().toString())
                    .put("close", b.closeTime().toString())
                    .put("o", b.open().toString())
                    .put("h", b.high().toString())
                    .put("l", b.low().toString())
                    .put("c", b.close().toString())
                    .put("v", b.volume().toString());
        } else if (d instanceof BookUpdate u) {
            n.put("t", "book")
                    .put("time", u.time().toString())
                    .put("id", u.updateId())
                    .put("snap", u.snapshot());
            levels(n.putArray("b"), u.bids());
            levels(n.putArray("a"), u.asks());
        } else {
            throw new IllegalArgumentException("an arrival log holds trades, bars and book messages, not " + d);
        }
        return n;
    }

    private static void levels(ArrayNode side, List<BookUpdate.Level> levels) {
        for (BookUpdate.Level l : levels) {
            side.addArray().add(l.price().toString()).add(l.size().toString());
        }
    }

    /** The first {@code count} pieces of {@code file} (all of them when negative), in its order. */
    static MarketDataFeedPort feed(Path file, long count) {
        BufferedReader in;
        try {
            in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BadInputException(file.toString(), 0, null, "cannot read the session's market data: " + e);
        }
        return new MarketDataFeedPort() {
            private long line;
            private MarketData next;

            @Override
            public boolean hasNext() {
                if (next != null) {
                    return true;
                }
                if (count >= 0 && line >= count) {
                    return false;
                }
                try {
                    String l = in.readLine();
                    if (l == null) {
                        return false;
                    }
                    line++;
                    next = parse(JSON.readTree(l));
                    return true;
                } catch (IOException | RuntimeException e) {
                    throw new BadInputException(
                            file.toString(), line, null, "not a piece of market data: " + e.getMessage());
                }
            }

            @Override
            public MarketData next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                MarketData d = next;
                next = null;
                return d;
            }

            @Override
            public String description() {
                return "the session's market data " + file;
            }

            @Override
            public void close() {
                try {
                    in.close();
                } catch (IOException e) {
                    // nothing more to read
                }
            }
        };
    }

    private static MarketData parse(JsonNode n) {
        InstrumentId i = InstrumentId.of(n.get("i").asText());
        return switch (n.get("t").asText()) {
            case "trade" ->
                new Trade(
                        i,
                        Instant.parse(n.get("time").asText()),
                        Price.of(n.get("p").asText()),
                        Quantity.of(n.get("q").asText()),
                        n.has("s") ? Side.valueOf(n.get("s").asText()) : null);
            case "bar" ->
                new Bar(
                        i,
                        Instant.parse(n.get("open").asText()),
                        Instant.parse(n.get("close").asText()),
                        Price.of(n.get("o").asText()),
                        Price.of(n.get("h").asText()),
                        Price.of(n.get("l").asText()),
                        Price.of(n.get("c").asText()),
                        Quantity.of(n.get("v").asText()));
            case "book" ->
                new BookUpdate(
                        i,
                        Instant.parse(n.get("time").asText()),
                        n.get("id").asLong(),
                        n.get("snap").asBoolean(),
                        parseLevels(n.get("b")),
                        parseLevels(n.get("a")));
            default ->
                throw new IllegalArgumentException("unknown kind '" + n.get("t").asText() + "'");
        };
    }

    private static List<BookUpdate.Level> parseLevels(JsonNode side) {
        List<BookUpdate.Level> out = new ArrayList<>();
        for (JsonNode l : side) {
            out.add(new BookUpdate.Level(
                    Price.of(l.get(0).asText()), Quantity.of(l.get(1).asText())));
        }
        return out;
    }
}
