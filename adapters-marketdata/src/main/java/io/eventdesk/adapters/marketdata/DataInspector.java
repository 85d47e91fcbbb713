package io.eventdesk.adapters.marketdata;

import io.eventdesk.domain.error.BadInputException;
import io.eventdesk.domain.instrument.AssetClass;
import io.eventdesk.domain.instrument.Instrument;
import io.eventdesk.domain.instrument.InstrumentId;
import io.eventdesk.domain.market.MarketData;
import io.eventdesk.domain.value.Currency;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * Looks at one data file the way a run would read it, without a config: the layout (compression, delimiter, kind,
 * which column is which, what the time means), how many rows, the time range, the bar interval, and the problems a
 * strict run would stop at (counted as under the skip policy).
 */
public final class DataInspector {
    private DataInspector() {}

    /** What {@link #inspect} found. */
    public record Inspection(
            Path file,
            boolean gzip,
            char delimiter,
            DataKind kind,
            boolean kindDetected,
            Map<String, String> columns,
            String timeMeaning,
            Duration interval,
            Instant first,
            Instant last,
            long records,
            DataQualityReport quality) {

        /** A few lines for people. */
        public String describe() {
            StringBuilder s = new StringBuilder();
            s.append("file:       ").append(file).append(gzip ? " (gzip)" : "").append('\n');
            s.append("layout:     ")
                    .append(delimiter == '\t' ? "tab" : "'" + delimiter + "'")
                    .append("-separated, ")
                    .append(kind.configName())
                    .append(kindDetected ? " (detected)" : "")
                    .append('\n');
            s.append("columns:    ");
            columns.entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .forEach(e -> s.append(e.getKey())
                            .append('=')
                            .append(e.getValue())
                            .append(' '));
            s.append('\n');
            s.append("time:       ").append(timeMeaning).append('\n');
            if (interval != null) {
                s.append("interval:   ").append(interval).append('\n');
            }
            FileQualitySummary q = new FileQualitySummary(quality);
            s.append("rows:       ")
                    .append(q.read)
                    .append(" read, ")
                    .append(records)
                    .append(" records\n");
            s.append("range:      ")
                    .append(first == null ? "-" : first + " .. " + last)
                    .append('\n');
            s.append("problems:   ")
                    .append(quality.problems() == 0 ? "none" : quality.problems())
                    .append('\n');
            if (quality.problems() > 0 || q.normalized > 0) {
                s.append(quality.describe()
                        .lines()
                        .filter(l -> l.startsWith("  "))
                        .map(l -> l + "\n")
                        .reduce("", String::concat));
            }
            if (q.normalized > 0) {
                s.append("  ").append(q.normalized).append(" prices normalized onto the tick grid (float noise)\n");
            }
            return s.toString();
        }
    }

    private record FileQualitySummary(long read, long normalized) {
        FileQualitySummary(DataQualityReport report) {
            this(
                    report.files().stream()
                            .mapToLong(DataQualityReport.FileQuality::rowsRead)
                            .sum(),
                    report.files().stream()
                            .mapToLong(DataQualityReport.FileQuality::pricesNormalized)
                            .sum());
        }
    }

    /**
     * @param kind the kind, or null to detect it from the header
     * @param tick the price grid to check against, or null for none (10^-8)
     * @param zone the zone of times without an offset, or null for UTC
     * @param timeFormat an explicit time format, or null to detect
     */
    public static Inspection inspect(Path file, DataKind kind, BigDecimal tick, ZoneId zone, String timeFormat) {
        boolean detected = kind == null;
        boolean gzip;
        char delimiter;
        try (CsvTable table = new CsvTable(file)) {
            gzip = table.gzip();
            delimiter = table.delimiter();
            if (kind == null) {
                kind = detect(table);
            }
        }
        if (kind == DataKind.QUOTE_BARS) {
            kind = DataKind.BARS; // one file at a time: a bid or an ask file reads as bars
        }
        Instrument instrument = new Instrument(
                InstrumentId.of("INSPECTED"),
                AssetClass.CRYPTO,
                Currency.of("USD"),
                Price.of(tick == null ? new BigDecimal("0.00000001") : tick),
                Quantity.of("0.00000001"),
                Quantity.of(1));
        DataSource source = new DataSource(
                instrument,
                kind,
                file,
                null,
                Map.of(),
                zone,
                timeFormat,
                null,
                null,
                null,
                ValidationPolicy.SKIP,
                null);
        DataQualityReport report = new DataQualityReport();
        Instant first = null;
        Instant last = null;
        long records = 0;
        Map<String, String> columns;
        String meaning;
        Duration interval = null;
        try (RecordReader reader = MarketDataFeeds.reader(source, report)) {
            SourceReader single = (SourceReader) reader;
            columns = single.columns.mapping();
            if (single instanceof BarReader bars) {
                interval = bars.interval();
                meaning = "column '" + columns.get("time") + "' is the bar's " + (bars.timeIsClose() ? "close" : "open")
                        + ", " + (zone == null ? "UTC" : zone) + " unless the time has an offset";
            } else {
                meaning = "column '" + columns.get("time") + "', " + (zone == null ? "UTC" : zone)
                        + " unless the time has an offset";
            }
            while (reader.hasNext()) {
                MarketData d = reader.next();
                Instant t = d.openTime();
                if (first == null) {
                    first = t;
                }
                last = t;
                records++;
            }
        }
        return new Inspection(
                file, gzip, delimiter, kind, detected, columns, meaning, interval, first, last, records, report);
    }

    /** The kind whose columns the header has: book, quotes, bars, then trades. */
    private static DataKind detect(CsvTable table) {
        List<String> h = table.header();
        boolean book = has(h, "update_type") && has(h, "side") && has(h, "price");
        if (book) {
            return DataKind.BOOK;
        }
        if (has(h, "bid") && has(h, "ask")) {
            return DataKind.QUOTES;
        }
        if (has(h, "open") && has(h, "high") && has(h, "low") && has(h, "close")) {
            return DataKind.BARS;
        }
        if (has(h, "price") && has(h, "size")) {
            return DataKind.TRADES;
        }
        throw new BadInputException(
                table.file(),
                table.headerLine(),
                "header",
                "cannot tell what the file holds from " + h + "; give --kind (bars, trades, quotes, book)");
    }

    private static boolean has(List<String> header, String field) {
        return Columns.ALIASES.getOrDefault(field, List.of(field)).stream().anyMatch(header::contains);
    }
}
