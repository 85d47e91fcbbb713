package io.eventdesk.adapters.marketdata;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import io.eventdesk.domain.error.BadInputException;
import io.eventdesk.domain.instrument.Instrument;
import io.eventdesk.domain.market.Bar;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;

/**
 * Streams one CSV file of bars. The header names the columns (any case, any order): a time column ({@code time},
 * {@code timestamp}, {@code timestamp_utc}, {@code date}, {@code datetime}, {@code open_time}, {@code end_time},
 * {@code close_time}), {@code open}, {@code high}, {@code low}, {@code close} and optionally {@code volume}.
 * Prices are normalized onto the instrument's tick grid when they are within a thousandth of a tick of it, or
 * within single-precision float noise (2.4 × 10^-7 of the price: {@code 16.65999984741211},
 * {@code 259.2000122070313}); farther off, they are an error. A bar stamped with its close opens
 * one interval earlier, or at the previous bar's close if that is later (irregular stamps from holidays and
 * daylight saving). Every problem names file, line and field.
 */
final class CsvBarReader implements Iterator<Bar>, AutoCloseable {
    static final List<String> TIME_COLUMNS =
            List.of("time", "timestamp", "timestamp_utc", "date", "datetime", "open_time", "end_time", "close_time");
    private static final int INTERVAL_SAMPLE = 64;
    /** Two units in the last place of a single-precision float, relative: prices that went through a float. */
    private static final BigDecimal FLOAT_NOISE = new BigDecimal("2.4E-7");

    private final BarSource source;
    private final String file;
    private final Instrument instrument;
    private final CsvReader<CsvRecord> csv;
    private final Iterator<CsvRecord> records;
    private final TimeParser times = new TimeParser();
    private final Deque<Row> lookahead = new ArrayDeque<>();
    private final int timeCol;
    private final int openCol;
    private final int highCol;
    private final int lowCol;
    private final int closeCol;
    private final int volumeCol;
    private final int columns;
    private final boolean timeIsClose;
    private final Duration interval;
    private final BigDecimal tickTolerance;
    private Row previous;

    CsvBarReader(BarSource source) {
        this.source = source;
        this.file = source.path().toString();
        this.instrument = source.instrument();
        this.tickTolerance = instrument.tickSize().toBigDecimal().movePointLeft(3);
        try {
            this.csv = CsvReader.builder()
                    .skipEmptyLines(true)
                    .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
                    .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                    .ofCsvRecord(source.path());
        } catch (NoSuchFileException e) {
            throw new BadInputException(file, 0, null, "file not found");
        } catch (IOException e) {
            throw new BadInputException(file, 0, null, "cannot read: " + e.getMessage());
        }
        this.records = csv.iterator();
        CsvRecord header = nextRecord();
        if (header == null) {
            throw new BadInputException(file, 1, "header", "the file is empty; expected a header line");
        }
        columns = header.getFieldCount();
        int time = -1;
        String timeName = null;
        int o = -1, h = -1, l = -1, c = -1, v = -1;
        for (int i = 0; i < columns; i++) {
            String name = header.getField(i).trim().toLowerCase(Locale.ROOT).replace("\uFEFF", "");
            if (TIME_COLUMNS.contains(name) && time < 0) {
                time = i;
                timeName = name;
            }
            switch (name) {
                case "open" -> o = i;
                case "high" -> h = i;
                case "low" -> l = i;
                case "close" -> c = i;
                case "volume" -> v = i;
                default -> {}
            }
        }
        if (time < 0) {
            throw new BadInputException(
                    file,
                    header.getStartingLineNumber(),
                    "header",
                    "no time column; expected one of " + String.join(", ", TIME_COLUMNS) + ", found "
                            + header.getFields());
        }
        requireColumn(header, o, "open");
        requireColumn(header, h, "high");
        requireColumn(header, l, "low");
        requireColumn(header, c, "close");
        timeCol = time;
        openCol = o;
        highCol = h;
        lowCol = l;
        closeCol = c;
        volumeCol = v;
        timeIsClose = switch (source.barTime()) {
            case OPEN -> false;
            case CLOSE -> true;
            case AUTO -> timeName.equals("end_time") || timeName.equals("close_time");
        };
        interval = source.interval() != null ? source.interval() : inferInterval();
    }

    private void requireColumn(CsvRecord header, int index, String name) {
        if (index < 0) {
            throw new BadInputException(
                    file,
                    header.getStartingLineNumber(),
                    "header",
                    "no '" + name + "' column; found " + header.getFields());
        }
    }

    private CsvRecord nextRecord() {
        try {
            return records.hasNext() ? records.next() : null;
        } catch (CsvParseException e) {
            throw new BadInputException(file, 0, null, "malformed CSV: " + e.getMessage());
        } catch (UncheckedIOException e) {
            throw new BadInputException(file, 0, null, "cannot read: " + e.getMessage());
        }
    }

    /** The smallest positive step between the first rows' times. */
    private Duration inferInterval() {
        while (lookahead.size() < INTERVAL_SAMPLE) {
            Row row = readRow();
            if (row == null) {
                break;
            }
            lookahead.add(row);
        }
        Duration best = null;
        Row last = null;
        for (Row r : lookahead) {
            if (last != null) {
                Duration step = Duration.between(last.time, r.time);
                if (!step.isNegative() && !step.isZero() && (best == null || step.compareTo(best) < 0)) {
                    best = step;
                }
            }
            last = r;
        }
        if (best == null) {
            long line = lookahead.isEmpty() ? 2 : lookahead.peekFirst().line;
            throw new BadInputException(
                    file,
                    line,
                    "interval",
                    lookahead.isEmpty()
                            ? "the file has no data rows"
                            : "cannot infer the bar interval from a single bar; set data[].interval (e.g. PT1M, P1D)");
        }
        return best;
    }

    /** Reads and checks the next row, or {@code null} at the end. */
    private Row readRow() {
        CsvRecord r = nextRecord();
        if (r == null) {
            return null;
        }
        long line = r.getStartingLineNumber();
        if (r.getFieldCount() != columns) {
            throw new BadInputException(
                    file, line, null, "expected " + columns + " fields as in the header, got " + r.getFieldCount());
        }
        Instant time;
        try {
            time = times.parse(r.getField(timeCol));
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new BadInputException(file, line, "time", e.getMessage());
        }
        Price open = price(r, openCol, line, "open");
        Price high = price(r, highCol, line, "high");
        Price low = price(r, lowCol, line, "low");
        Price close = price(r, closeCol, line, "close");
        Quantity volume = volumeCol < 0 ? null : volume(r, line);
        if (high.isBelow(low)) {
            throw new BadInputException(file, line, "high", "high " + high + " is below low " + low);
        }
        if (open.isAbove(high) || open.isBelow(low)) {
            throw new BadInputException(
                    file, line, "open", "open " + open + " is outside low " + low + " .. high " + high);
        }
        if (close.isAbove(high) || close.isBelow(low)) {
            throw new BadInputException(
                    file, line, "close", "close " + close + " is outside low " + low + " .. high " + high);
        }
        return new Row(line, time, open, high, low, close, volume);
    }

    private Price price(CsvRecord r, int col, long line, String field) {
        String raw = r.getField(col).trim();
        BigDecimal value;
        try {
            value = new BigDecimal(raw);
        } catch (NumberFormatException e) {
            throw new BadInputException(file, line, field, "expected a decimal number, got '" + raw + "'");
        }
        if (value.signum() <= 0) {
            throw new BadInputException(file, line, field, "price must be positive, got " + raw);
        }
        Price onGrid;
        try {
            onGrid = instrument.roundToTick(Price.of(value, instrument.priceScale() + 3), RoundingMode.HALF_EVEN);
        } catch (ArithmeticException e) {
            throw new BadInputException(file, line, field, "price " + raw + " is out of range");
        }
        BigDecimal tolerance = tickTolerance.max(value.multiply(FLOAT_NOISE));
        if (onGrid.toBigDecimal().subtract(value).abs().compareTo(tolerance) > 0) {
            throw new BadInputException(
                    file,
                    line,
                    field,
                    "price " + raw + " is off the tick grid " + instrument.tickSize() + " of " + instrument.id()
                            + " (nearest tick " + onGrid + ")");
        }
        return onGrid;
    }

    private Quantity volume(CsvRecord r, long line) {
        String raw = r.getField(volumeCol).trim();
        if (raw.isEmpty()) {
            return null;
        }
        try {
            BigDecimal v = new BigDecimal(raw);
            if (v.signum() < 0) {
                throw new BadInputException(file, line, "volume", "volume must not be negative, got " + raw);
            }
            return Quantity.of(v.setScale(Math.min(Math.max(v.scale(), 0), 8), RoundingMode.HALF_EVEN));
        } catch (NumberFormatException | ArithmeticException e) {
            throw new BadInputException(file, line, "volume", "expected a non-negative number, got '" + raw + "'");
        }
    }

    @Override
    public boolean hasNext() {
        if (lookahead.isEmpty()) {
            Row row = readRow();
            if (row == null) {
                return false;
            }
            lookahead.add(row);
        }
        return true;
    }

    @Override
    public Bar next() {
        if (!hasNext()) {
            throw new NoSuchElementException(file + ": no more bars");
        }
        Row row = lookahead.poll();
        if (previous != null && !row.time.isAfter(previous.time)) {
            throw new BadInputException(
                    file,
                    row.line,
                    "time",
                    (row.time.equals(previous.time) ? "duplicate time " : "time goes backwards: ") + row.time
                            + " is not after " + previous.time + " (line " + previous.line + ")");
        }
        Instant openTime;
        Instant closeTime;
        if (timeIsClose) {
            // a bar stamped with its close opened one interval earlier, but never before the previous bar closed
            // (irregular stamps: holidays, daylight saving)
            closeTime = row.time;
            Instant start = row.time.minus(interval);
            openTime = previous != null && start.isBefore(previous.time) ? previous.time : start;
        } else {
            openTime = row.time;
            closeTime = row.time.plus(interval);
            if (previous != null && openTime.isBefore(previous.time.plus(interval))) {
                throw new BadInputException(
                        file,
                        row.line,
                        "time",
                        "bar opening at " + openTime
                                + " overlaps the previous bar, which closes at " + previous.time.plus(interval)
                                + " (interval " + interval + ")");
            }
        }
        previous = row;
        return new Bar(instrument.id(), openTime, closeTime, row.open, row.high, row.low, row.close, row.volume);
    }

    String file() {
        return file;
    }

    BarSource source() {
        return source;
    }

    @Override
    public void close() {
        try {
            csv.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Row(long line, Instant time, Price open, Price high, Price low, Price close, Quantity volume) {}
}
