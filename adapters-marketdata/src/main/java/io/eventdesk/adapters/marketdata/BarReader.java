package io.eventdesk.adapters.marketdata;

import de.siegmar.fastcsv.reader.CsvRecord;
import io.eventdesk.domain.error.BadInputException;
import io.eventdesk.domain.market.Bar;
import io.eventdesk.domain.market.MarketData;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Streams a file of bars: a time column, {@code open}, {@code high}, {@code low}, {@code close} and optionally
 * {@code volume}. The time is the bar's open unless the column is named {@code end_time} or {@code close_time} (or
 * the source says otherwise). The bar length is the source's interval, or the smallest step between the first 64
 * times. A bar stamped with its close opens one interval earlier, or at the previous bar's close if that is later
 * (irregular stamps from holidays and daylight saving).
 */
final class BarReader extends SourceReader {
    private static final int INTERVAL_SAMPLE = 64;

    private final Deque<Row> ahead = new ArrayDeque<>();
    private final boolean timeIsClose;
    private final Duration interval;
    private Row previous;

    BarReader(DataSource source, Path path, DataQualityReport report) {
        super(source, path, List.of("time", "open", "high", "low", "close"), List.of("volume"), report);
        try {
            String timeName = columns.nameOf("time");
            timeIsClose = switch (source.barTime()) {
                case OPEN -> false;
                case CLOSE -> true;
                case AUTO -> timeName.equals("end_time") || timeName.equals("close_time");
            };
            interval = source.interval() != null ? source.interval() : inferInterval();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    Duration interval() {
        return interval;
    }

    boolean timeIsClose() {
        return timeIsClose;
    }

    /** The smallest positive step between the first rows' times. */
    private Duration inferInterval() {
        while (ahead.size() < INTERVAL_SAMPLE) {
            Row row = parse();
            if (row == null) {
                break;
            }
            ahead.add(row);
        }
        Duration best = null;
        Row last = null;
        for (Row r : ahead) {
            if (last != null) {
                Duration step = Duration.between(last.time, r.time);
                if (!step.isNegative() && !step.isZero() && (best == null || step.compareTo(best) < 0)) {
                    best = step;
                }
            }
            last = r;
        }
        if (best == null) {
            long line = ahead.isEmpty() ? table.headerLine() + 1 : ahead.peekFirst().line;
            throw new BadInputException(
                    file,
                    line,
                    "interval",
                    ahead.isEmpty()
                            ? "the file has no data rows"
                            : "cannot infer the bar interval from a single bar; set data[].bar-interval (e.g. PT1M, P1D)");
        }
        return best;
    }

    /** The next row that parses into a consistent bar (repaired when the policy allows), or null at the end. */
    private Row parse() {
        while (true) {
            CsvRecord r = row();
            if (r == null) {
                return null;
            }
            long line = r.getStartingLineNumber();
            Instant time = time(r, "time");
            Price open = price(r, "open");
            Price high = price(r, "high");
            Price low = price(r, "low");
            Price close = price(r, "close");
            boolean[] dropped = {false};
            Quantity volume = size(r, "volume", dropped);
            if (time == null || open == null || high == null || low == null || close == null || dropped[0]) {
                continue;
            }
            String inconsistency = null;
            String field = null;
            if (high.isBelow(low)) {
                inconsistency = "high " + high + " is below low " + low;
                field = "high";
            } else if (open.isAbove(high) || open.isBelow(low)) {
                inconsistency = "open " + open + " is outside low " + low + " .. high " + high;
                field = "open";
            } else if (close.isAbove(high) || close.isBelow(low)) {
                inconsistency = "close " + close + " is outside low " + low + " .. high " + high;
                field = "close";
            }
            if (inconsistency != null) {
                problem(DataProblem.INCONSISTENT_BAR, line, field, inconsistency);
                if (policy != ValidationPolicy.REPAIR) {
                    continue;
                }
                Price top = Price.max(Price.max(open, close), Price.max(high, low));
                Price bottom = Price.min(Price.min(open, close), Price.min(high, low));
                high = top;
                low = bottom;
            }
            return new Row(line, time, open, high, low, close, volume, r.getFields());
        }
    }

    @Override
    MarketData read() {
        while (true) {
            Row row = ahead.isEmpty() ? parse() : ahead.poll();
            if (row == null) {
                return null;
            }
            if (!timeIsClose
                    && previous != null
                    && row.time.isAfter(previous.time)
                    && row.time.isBefore(previous.time.plus(interval))) {
                problem(
                        DataProblem.OUT_OF_ORDER,
                        row.line,
                        "time",
                        "bar opening at " + row.time + " overlaps the previous bar, which closes at "
                                + previous.time.plus(interval) + " (interval " + interval + ")");
                continue;
            }
            if (!inOrder(row.line, row.time, row.fingerprint, true)) {
                continue;
            }
            Instant openTime;
            Instant closeTime;
            if (timeIsClose) {
                closeTime = row.time;
                Instant start = row.time.minus(interval);
                openTime = previous != null && start.isBefore(previous.time) ? previous.time : start;
            } else {
                openTime = row.time;
                closeTime = row.time.plus(interval);
            }
            previous = row;
            kept();
            return new Bar(instrument.id(), openTime, closeTime, row.open, row.high, row.low, row.close, row.volume);
        }
    }

    private record Row(
            long line,
            Instant time,
            Price open,
            Price high,
            Price low,
            Price close,
            Quantity volume,
            List<String> fingerprint) {}
}
