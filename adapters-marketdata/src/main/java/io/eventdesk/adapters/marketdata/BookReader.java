package io.eventdesk.adapters.marketdata;

import de.siegmar.fastcsv.reader.CsvRecord;
import io.eventdesk.domain.market.BookUpdate;
import io.eventdesk.domain.market.MarketData;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Streams a file of level-2 book rows, one price level per row: a time column, {@code side} ({@code b}/{@code bid}/
 * {@code buy} or {@code a}/{@code ask}/{@code sell}), {@code price}, {@code size} (or {@code qty}), and optionally
 * {@code update_type} ({@code snap}/{@code snapshot} replaces the book; anything else updates it) and an update id
 * ({@code last_update_id}). Consecutive rows with the same time, update id and type are one message.
 */
final class BookReader extends SourceReader {
    private Level pending;

    BookReader(DataSource source, Path path, DataQualityReport report) {
        super(source, path, List.of("time", "side", "price", "size"), List.of("update_type", "update_id"), report);
    }

    private record Level(
            long line, Instant time, long updateId, boolean snapshot, boolean bid, Price price, Quantity size) {
        boolean sameMessage(Level o) {
            return time.equals(o.time) && updateId == o.updateId && snapshot == o.snapshot;
        }
    }

    private Level level() {
        while (true) {
            CsvRecord r = row();
            if (r == null) {
                return null;
            }
            long line = r.getStartingLineNumber();
            Instant time = time(r, "time");
            Price price = price(r, "price");
            boolean[] dropped = {false};
            Quantity size = size(r, "size", dropped);
            if (time == null || price == null || dropped[0]) {
                continue;
            }
            String side = raw(r, "side").toLowerCase(Locale.ROOT);
            boolean bid;
            switch (side) {
                case "b", "bid", "buy" -> bid = true;
                case "a", "ask", "sell", "s" -> bid = false;
                default -> {
                    problem(DataProblem.BAD_NUMBER, line, "side", "expected b/bid or a/ask, got '" + side + "'");
                    continue;
                }
            }
            boolean snapshot = false;
            if (columns.of("update_type") >= 0) {
                String type = raw(r, "update_type").toLowerCase(Locale.ROOT);
                snapshot = type.equals("snap") || type.equals("snapshot");
            }
            long updateId = 0;
            if (columns.of("update_id") >= 0) {
                try {
                    updateId = Long.parseLong(raw(r, "update_id"));
                } catch (NumberFormatException e) {
                    problem(
                            DataProblem.BAD_NUMBER,
                            line,
                            "update_id",
                            "expected a whole number, got '" + raw(r, "update_id") + "'");
                    continue;
                }
            }
            return new Level(line, time, updateId, snapshot, bid, price, size == null ? Quantity.ZERO : size);
        }
    }

    @Override
    MarketData read() {
        while (true) {
            Level first = pending != null ? pending : level();
            pending = null;
            if (first == null) {
                return null;
            }
            List<BookUpdate.Level> bids = new ArrayList<>();
            List<BookUpdate.Level> asks = new ArrayList<>();
            Level l = first;
            while (l != null && l.sameMessage(first)) {
                (l.bid ? bids : asks).add(new BookUpdate.Level(l.price, l.size));
                l = level();
            }
            pending = l;
            String fingerprint = first.updateId + "|" + first.snapshot + "|" + bids + "|" + asks;
            if (!inOrder(first.line, first.time, fingerprint, false)) {
                continue;
            }
            kept();
            return new BookUpdate(instrument.id(), first.time, first.updateId, first.snapshot, bids, asks);
        }
    }
}
