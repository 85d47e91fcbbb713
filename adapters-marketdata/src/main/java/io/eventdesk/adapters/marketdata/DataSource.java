package io.eventdesk.adapters.marketdata;

import io.eventdesk.domain.instrument.Instrument;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * One source of market data for one instrument: a file (or, for {@link DataKind#QUOTE_BARS}, a bid file and an ask
 * file), how to read it and what to do with problems.
 *
 * @param path the file; for quote bars, the bid file
 * @param askPath the ask file of quote bars; null otherwise
 * @param columns explicit column names by field ({@code time}, {@code open}, {@code price}, {@code bid}, ...), for
 *     headers auto-detection does not understand; empty to detect
 * @param timezone the zone of times written without an offset (default UTC)
 * @param timeFormat null to detect; {@code epoch-s}, {@code epoch-ms}, {@code epoch-us}, {@code epoch-ns}, or a
 *     {@link java.time.format.DateTimeFormatter} pattern such as {@code dd/MM/yyyy HH:mm}
 * @param barTime what a bar file's time column means
 * @param interval the bar length (bars, quote bars), or null to infer it from the first rows
 * @param maxGap the longest step expected between records; a longer one is a {@link DataProblem#GAP}; null for no
 *     gap check
 * @param validation the policy for problems
 * @param secondary a file of the same layout whose records fill the primary's gaps (failover); null for none
 */
public record DataSource(
        Instrument instrument,
        DataKind kind,
        Path path,
        Path askPath,
        Map<String, String> columns,
        ZoneId timezone,
        String timeFormat,
        BarTime barTime,
        Duration interval,
        Duration maxGap,
        ValidationPolicy validation,
        Path secondary) {

    public DataSource {
        if (instrument == null || kind == null || path == null) {
            throw new IllegalArgumentException("a data source needs an instrument, a kind and a path");
        }
        if ((kind == DataKind.QUOTE_BARS) != (askPath != null)) {
            throw new IllegalArgumentException("quote bars need a bid file and an ask file, and only they have two");
        }
        columns = columns == null ? Map.of() : Map.copyOf(columns);
        timezone = timezone == null ? ZoneOffset.UTC : timezone;
        barTime = barTime == null ? BarTime.AUTO : barTime;
        validation = validation == null ? ValidationPolicy.STRICT : validation;
        for (Duration d : new Duration[] {interval, maxGap}) {
            if (d != null && (d.isZero() || d.isNegative())) {
                throw new IllegalArgumentException("intervals must be positive, got " + d);
            }
        }
    }

    /** A bar file read with every default: detected layout, UTC, strict. */
    public static DataSource bars(Instrument instrument, Path path) {
        return new DataSource(
                instrument, DataKind.BARS, path, null, Map.of(), null, null, null, null, null, null, null);
    }

    /** The bar source of the skeleton's configuration. */
    public static DataSource of(BarSource bars) {
        return new DataSource(
                bars.instrument(),
                DataKind.BARS,
                bars.path(),
                null,
                Map.of(),
                null,
                null,
                bars.barTime(),
                bars.interval(),
                null,
                null,
                null);
    }

    public DataSource withValidation(ValidationPolicy policy) {
        return new DataSource(
                instrument,
                kind,
                path,
                askPath,
                columns,
                timezone,
                timeFormat,
                barTime,
                interval,
                maxGap,
                policy,
                secondary);
    }

    public DataSource withPath(Path other) {
        return new DataSource(
                instrument,
                kind,
                other,
                askPath,
                columns,
                timezone,
                timeFormat,
                barTime,
                interval,
                maxGap,
                validation,
                null);
    }

    /** How the source is named in messages and reports. */
    public String describe() {
        return askPath == null ? path.toString() : path + " + " + askPath;
    }
}
