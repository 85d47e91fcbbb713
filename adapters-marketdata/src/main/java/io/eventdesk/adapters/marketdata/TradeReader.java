package io.eventdesk.adapters.marketdata;

import de.siegmar.fastcsv.reader.CsvRecord;
import io.eventdesk.domain.market.MarketData;
import io.eventdesk.domain.market.Trade;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import io.eventdesk.domain.value.Side;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Streams a file of trades: a time column, {@code price}, {@code size} (or {@code qty}, {@code quantity},
 * {@code amount}, {@code volume}) and optionally the aggressor {@code side} ({@code buy}/{@code b}, {@code sell}/
 * {@code s}). Several trades may share a time; the same trade twice in a row is a duplicate.
 */
final class TradeReader extends SourceReader {
    TradeReader(DataSource source, Path path, DataQualityReport report) {
        super(source, path, List.of("time", "price", "size"), List.of("side"), report);
    }

    @Override
    MarketData read() {
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
            if (size == null || !size.isPositive()) {
                problem(
                        DataProblem.NEGATIVE_SIZE,
                        line,
                        "size",
                        "a trade needs a positive size, got '" + raw(r, "size") + "'");
                continue;
            }
            Side side = null;
            if (columns.of("side") >= 0) {
                String s = raw(r, "side").toLowerCase(Locale.ROOT);
                switch (s) {
                    case "buy", "b", "bid", "1" -> side = Side.BUY;
                    case "sell", "s", "a", "ask", "-1" -> side = Side.SELL;
                    case "" -> side = null;
                    default -> {
                        problem(DataProblem.BAD_NUMBER, line, "side", "expected buy or sell, got '" + s + "'");
                        continue;
                    }
                }
            }
            if (!inOrder(line, time, r.getFields(), false)) {
                continue;
            }
            kept();
            return new Trade(instrument.id(), time, price, size, side);
        }
    }
}
