package io.eventdesk.adapters.marketdata;

import de.siegmar.fastcsv.reader.CsvRecord;
import io.eventdesk.domain.error.BadInputException;
import io.eventdesk.domain.instrument.Instrument;
import io.eventdesk.domain.market.MarketData;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Streams one file of market data for one instrument, as records in time order, applying the source's validation
 * policy to every problem: under {@link ValidationPolicy#STRICT} the first problem is a {@link BadInputException}
 * naming file, line and field; otherwise it is counted in the data-quality report and the row repaired or dropped.
 * Subclasses parse rows; this class holds what every kind shares: the table, the columns, times, prices on the tick
 * grid, and the order of records.
 */
abstract class SourceReader implements RecordReader {
    /** Two units in the last place of a single-precision float, relative: prices that went through a float. */
    private static final BigDecimal FLOAT_NOISE = new BigDecimal("2.4E-7");

    final DataSource source;
    final String file;
    final Instrument instrument;
    final CsvTable table;
    final Columns columns;
    final TimeParser times;
    final DataQualityReport.FileQuality quality;
    final ValidationPolicy policy;
    private final BigDecimal tickTolerance;
    /** one tick in units of the instrument's price scale */
    private final long tickUnits;

    private final PlainDecimal plain = new PlainDecimal();
    private static final long[] POW10 = {
        1L,
        10L,
        100L,
        1_000L,
        10_000L,
        100_000L,
        1_000_000L,
        10_000_000L,
        100_000_000L,
        1_000_000_000L,
        10_000_000_000L,
        100_000_000_000L,
        1_000_000_000_000L
    };
    private MarketData next;
    /** the last record kept: its time and its content, for order and duplicate checks */
    private Instant lastTime;

    private Object lastFingerprint;
    private long lastLine;

    SourceReader(
            DataSource source,
            java.nio.file.Path path,
            List<String> required,
            List<String> optional,
            DataQualityReport report) {
        this.source = source;
        this.instrument = source.instrument();
        this.policy = source.validation();
        this.table = new CsvTable(path);
        this.file = table.file();
        try {
            this.columns = new Columns(table, required, optional, source.columns());
            this.times = timeParser(source, file, table.headerLine());
        } catch (RuntimeException e) {
            table.close();
            throw e;
        }
        this.quality = report.file(file, policy);
        this.tickTolerance = instrument.tickSize().toBigDecimal().movePointLeft(3);
        this.tickUnits = instrument.tickSize().unitsAt(instrument.priceScale());
    }

    private static TimeParser timeParser(DataSource source, String file, long line) {
        try {
            return new TimeParser(source.timezone(), source.timeFormat());
        } catch (IllegalArgumentException e) {
            throw new BadInputException(file, line, "time-format", "not a time format: " + e.getMessage());
        }
    }

    /** The next record of the file, or null at its end; rows with problems are dropped or repaired here. */
    abstract MarketData read();

    @Override
    public boolean hasNext() {
        if (next == null) {
            next = read();
        }
        return next != null;
    }

    @Override
    public MarketData next() {
        if (!hasNext()) {
            throw new NoSuchElementException(file + ": no more records");
        }
        MarketData d = next;
        next = null;
        return d;
    }

    @Override
    public String file() {
        return file;
    }

    /** The line of the last record delivered. */
    long lastLine() {
        return lastLine;
    }

    /**
     * A problem at {@code line}: an error under the strict policy, otherwise counted (the caller then repairs or
     * drops the row).
     */
    void problem(DataProblem problem, long line, String field, String message) {
        if (policy == ValidationPolicy.STRICT) {
            throw new BadInputException(file, line, field, message);
        }
        quality.add(problem, line, field, message);
    }

    /** The next CSV record with the header's number of fields, or null at the end; short rows are problems. */
    CsvRecord row() {
        while (true) {
            CsvRecord r = table.next();
            if (r == null) {
                return null;
            }
            quality.read();
            if (r.getFieldCount() != table.header().size()) {
                problem(
                        DataProblem.MALFORMED_ROW,
                        r.getStartingLineNumber(),
                        null,
                        "expected " + table.header().size() + " fields as in the header, got " + r.getFieldCount());
                continue;
            }
            return r;
        }
    }

    /** The time of {@code field}, or null after reporting a problem. */
    Instant time(CsvRecord r, String field) {
        String raw = r.getField(columns.of(field));
        try {
            return times.parse(raw);
        } catch (IllegalArgumentException | ArithmeticException e) {
            problem(DataProblem.BAD_TIME, r.getStartingLineNumber(), field, e.getMessage());
            return null;
        }
    }

    /**
     * The price of {@code field} on the tick grid: float noise is normalized; a price truly off the grid is rounded
     * to the nearest tick under {@link ValidationPolicy#REPAIR}. Null after a problem that drops the row.
     */
    Price price(CsvRecord r, String field) {
        if (plain.parse(raw(r, field))
                && plain.units > 0
                && plain.scale <= instrument.priceScale()
                // the general path works at three more decimals: the same range
                && plain.units <= Long.MAX_VALUE / POW10[instrument.priceScale() + 3 - plain.scale]) {
            // on the grid as written: the exact price at the instrument's scale, as the general path gives it
            long units = plain.units * POW10[instrument.priceScale() - plain.scale];
            if (units % tickUnits == 0) {
                return new Price(units, instrument.priceScale());
            }
        }
        long line = r.getStartingLineNumber();
        BigDecimal value = number(r, field);
        if (value == null) {
            return null;
        }
        if (value.signum() <= 0) {
            problem(DataProblem.NON_POSITIVE_PRICE, line, field, "price must be positive, got " + raw(r, field));
            return null;
        }
        Price onGrid;
        try {
            onGrid = instrument.roundToTick(Price.of(value, instrument.priceScale() + 3), RoundingMode.HALF_EVEN);
        } catch (ArithmeticException e) {
            problem(DataProblem.BAD_NUMBER, line, field, "price " + raw(r, field) + " is out of range");
            return null;
        }
        if (!onGrid.isPositive()) {
            problem(
                    DataProblem.NON_POSITIVE_PRICE,
                    line,
                    field,
                    "price " + raw(r, field) + " is below one tick (" + instrument.tickSize() + ") of "
                            + instrument.id() + ": it would round to 0");
            return null;
        }
        BigDecimal off = onGrid.toBigDecimal().subtract(value).abs();
        if (off.signum() == 0) {
            return onGrid;
        }
        if (off.compareTo(tickTolerance.max(value.multiply(FLOAT_NOISE))) <= 0) {
            quality.normalized();
            return onGrid;
        }
        problem(
                DataProblem.OFF_TICK_PRICE,
                line,
                field,
                "price " + raw(r, field) + " is off the tick grid " + instrument.tickSize() + " of " + instrument.id()
                        + " (nearest tick " + onGrid + ")");
        return policy == ValidationPolicy.REPAIR ? onGrid : null;
    }

    /** A non-negative size of {@code field}; null when the column is absent or empty, or after a problem. */
    Quantity size(CsvRecord r, String field, boolean[] dropped) {
        int col = columns.of(field);
        if (col < 0 || r.getField(col).isBlank()) {
            return null;
        }
        if (plain.parse(raw(r, field)) && plain.scale <= 8) {
            long units = plain.units;
            int scale = plain.scale;
            while (scale > 0 && units % 10 == 0) { // normalized, as Quantity.of(BigDecimal) is
                units /= 10;
                scale--;
            }
            return new Quantity(units, scale);
        }
        BigDecimal v = number(r, field);
        if (v == null) {
            dropped[0] = true;
            return null;
        }
        if (v.signum() < 0) {
            problem(
                    DataProblem.NEGATIVE_SIZE,
                    r.getStartingLineNumber(),
                    field,
                    field + " must not be negative, got " + raw(r, field));
            dropped[0] = true;
            return null;
        }
        return Quantity.of(v.setScale(Math.min(Math.max(v.scale(), 0), 8), RoundingMode.HALF_EVEN));
    }

    /** A finite decimal, or null after a {@link DataProblem#BAD_NUMBER}. */
    BigDecimal number(CsvRecord r, String field) {
        String raw = raw(r, field);
        try {
            return new BigDecimal(raw);
        } catch (NumberFormatException e) {
            String what = raw.equalsIgnoreCase("nan")
                            || raw.toLowerCase(java.util.Locale.ROOT).contains("inf")
                    ? "a finite number"
                    : "a decimal number";
            problem(
                    DataProblem.BAD_NUMBER,
                    r.getStartingLineNumber(),
                    field,
                    "expected " + what + ", got '" + raw + "'");
            return null;
        }
    }

    static String raw(CsvRecord r, String field, Columns columns) {
        return r.getField(columns.of(field)).trim();
    }

    String raw(CsvRecord r, String field) {
        return raw(r, field, columns);
    }

    /**
     * Checks a record's place in time: before the last record kept it is out of order, at the same time with the
     * same content ({@code fingerprint}: a value compared with {@code equals}, e.g. the row's fields) a duplicate ({@code sameTimeIsDuplicate}: any record at the same time, as for bars), after a
     * step longer than {@code maxGap} a gap. Returns whether to keep it.
     */
    boolean inOrder(long line, Instant time, Object fingerprint, boolean sameTimeIsDuplicate) {
        if (lastTime != null) {
            int c = time.compareTo(lastTime);
            if (c < 0) {
                problem(
                        DataProblem.OUT_OF_ORDER,
                        line,
                        "time",
                        "time goes backwards: " + time + " is before " + lastTime + " (line " + lastLine + ")");
                return false;
            }
            if (c == 0 && (sameTimeIsDuplicate || fingerprint.equals(lastFingerprint))) {
                problem(
                        DataProblem.DUPLICATE,
                        line,
                        "time",
                        "duplicate " + (fingerprint.equals(lastFingerprint) ? "record" : "time") + " " + time
                                + " (line " + lastLine + ")");
                return false;
            }
            Duration maxGap = source.maxGap();
            if (maxGap != null && Duration.between(lastTime, time).compareTo(maxGap) > 0) {
                problem(
                        DataProblem.GAP,
                        line,
                        "time",
                        "gap of " + Duration.between(lastTime, time) + " after " + lastTime + " (line " + lastLine
                                + "), longer than " + maxGap);
            }
        }
        lastTime = time;
        lastFingerprint = fingerprint;
        lastLine = line;
        return true;
    }

    /** The record at {@code line} is delivered. */
    void kept() {
        quality.kept();
    }

    @Override
    public void close() {
        table.close();
    }
}
