package io.eventdesk.adapters.marketdata;

import de.siegmar.fastcsv.reader.CsvRecord;
import io.eventdesk.domain.market.MarketData;
import io.eventdesk.domain.market.Quote;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Streams a file of quotes: a time column, {@code bid}, {@code ask} and optionally {@code bid_size} and
 * {@code ask_size}. A bid above its ask is a crossed quote, dropped unless the policy is strict (then an error).
 */
final class QuoteReader extends SourceReader {
    QuoteReader(DataSource source, Path path, DataQualityReport report) {
        super(source, path, List.of("time", "bid", "ask"), List.of("bid_size", "ask_size"), report);
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
            Price bid = price(r, "bid");
            Price ask = price(r, "ask");
            boolean[] dropped = {false};
            Quantity bidSize = size(r, "bid_size", dropped);
            Quantity askSize = size(r, "ask_size", dropped);
            if (time == null || bid == null || ask == null || dropped[0]) {
                continue;
            }
            if (bid.isAbove(ask)) {
                problem(DataProblem.CROSSED_QUOTE, line, "bid", "bid " + bid + " is above ask " + ask);
                continue;
            }
            if (!inOrder(line, time, r.getFields(), false)) {
                continue;
            }
            kept();
            return new Quote(instrument.id(), time, bid, ask, bidSize, askSize);
        }
    }
}
