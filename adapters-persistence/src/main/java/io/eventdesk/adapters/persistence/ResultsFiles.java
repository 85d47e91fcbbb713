package io.eventdesk.adapters.persistence;

import io.eventdesk.domain.event.Event;
import io.eventdesk.domain.results.ResultsSpec;
import io.eventdesk.domain.results.RoundTrip;
import io.eventdesk.domain.results.RunResults;
import io.eventdesk.domain.results.Statistics;
import io.eventdesk.domain.results.StatisticsConventions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The run folder's results: {@code trades.csv} (each round trip written as it closes, the open ones at the end),
 * {@code statistics.json} and {@code report.html}, computed by the domain's {@link RunResults} from the run's events.
 */
final class ResultsFiles implements AutoCloseable {
    static final String TRADES_HEADER = "strategy,instrument,currency,side,status,entry_time,exit_time,quantity,"
            + "avg_entry_price,avg_exit_price,gross_pnl,realized_pnl,fees,net_pnl,return,holding_time,mae,mfe,fills,"
            + "entry_order_id,exit_order_id";
    /** how many closed round trips the report's table and markers show */
    static final int REPORT_TRIPS = 5000;

    private final Path directory;
    private final ResultsSpec spec;
    private final GatedFile trades;
    private final RunResults results;
    private final Supplier<?> dataQuality;
    private Instant lastTime;
    private boolean closed;

    /**
     * @param sequence the sequence number of the event being recorded, so trades.csv follows the journal's commits
     *     ({@link #release}); null when there is no journal to follow
     */
    ResultsFiles(Path directory, ResultsSpec spec, Supplier<?> dataQuality, java.util.function.LongSupplier sequence)
            throws IOException {
        this.directory = directory;
        this.dataQuality = dataQuality;
        this.spec = spec;
        this.trades = new GatedFile(directory.resolve(RunArtifacts.TRADES), sequence);
        trades.header(TRADES_HEADER + "\n");
        this.results = spec.newResults(this::write, REPORT_TRIPS);
    }

    /** The journal made every event up to {@code durable} durable. */
    void release(long durable) throws IOException {
        trades.release(durable);
    }

    void record(Event event) {
        lastTime = event.time();
        results.accept(event);
    }

    private void write(RoundTrip t) {
        try {
            trades.write(row(t, t.exitTime()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + directory.resolve(RunArtifacts.TRADES), e);
        }
    }

    static String row(RoundTrip t, Instant end) {
        StringBuilder b = new StringBuilder(256);
        cell(b, t.strategyId());
        cell(b, t.instrument().value());
        cell(b, t.currency().code());
        cell(b, t.side());
        cell(b, t.isOpen() ? "OPEN" : "CLOSED");
        cell(b, t.entryTime().toString());
        cell(b, t.exitTime() == null ? "" : t.exitTime().toString());
        cell(b, t.maxQuantity().toString());
        cell(b, plain(t.averageEntryPrice()));
        cell(b, plain(t.averageExitPrice()));
        cell(b, plain(t.grossPnl()));
        cell(b, plain(t.realizedPnl()));
        cell(b, plain(t.fees()));
        cell(b, plain(t.netPnl()));
        cell(b, plain(t.returnOnEntry()));
        cell(b, end == null ? "" : t.holding(end).toString());
        cell(b, plain(t.mae()));
        cell(b, plain(t.mfe()));
        cell(b, Integer.toString(t.fills()));
        cell(b, t.entryOrderId().toString());
        b.append(t.exitOrderId() == null ? "" : t.exitOrderId().toString()).append('\n');
        return b.toString();
    }

    private static void cell(StringBuilder b, String v) {
        b.append(v).append(',');
    }

    private static String plain(BigDecimal v) {
        return v == null ? "" : v.signum() == 0 ? "0" : v.stripTrailingZeros().toPlainString();
    }

    /** The open trips, statistics.json and report.html (its summary table from the folder's summary.json). */
    void finish() throws IOException {
        Instant end = lastTime;
        for (RoundTrip t : results.openTrips()) {
            trades.write(row(t, end));
        }
        trades.close();
        Statistics overall = results.statistics();
        Map<String, Statistics> perStrategy = results.strategyStatistics();
        Files.writeString(
                directory.resolve(RunArtifacts.STATISTICS),
                EventJson.ARTIFACTS.writerWithDefaultPrettyPrinter().writeValueAsString(json(overall, perStrategy))
                        + "\n");
        String quality = dataQuality == null
                ? null
                : EventJson.ARTIFACTS.writerWithDefaultPrettyPrinter().writeValueAsString(dataQuality.get());
        ReportPage.write(directory, results, overall, perStrategy, quality);
    }

    private Map<String, Object> json(Statistics overall, Map<String, Statistics> perStrategy) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("currency", results.base().code());
        StatisticsConventions c = spec.conventions();
        Map<String, Object> conventions = new LinkedHashMap<>();
        conventions.put("returns", "per session of the account's calendar, from the equity at its end");
        conventions.put(
                "periods_per_year", c.periodsPerYear() == null ? "from the data's calendar" : c.periodsPerYear());
        conventions.put("risk_free_rate", c.riskFreeRate());
        out.put("conventions", conventions);
        out.put("overall", overall.values());
        out.put("undefined", overall.undefined());
        Map<String, Object> strategies = new LinkedHashMap<>();
        perStrategy.forEach((id, s) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("statistics", s.values());
            m.put("undefined", s.undefined());
            strategies.put(id, m);
        });
        out.put("strategies", strategies);
        return out;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            trades.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
