package io.eventdesk.adapters.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventdesk.domain.instrument.InstrumentId;
import io.eventdesk.domain.results.Downsampled;
import io.eventdesk.domain.results.RoundTrip;
import io.eventdesk.domain.results.RunResults;
import io.eventdesk.domain.results.Statistics;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code report.html}: one self-contained page (no network) with the summary and statistics tables, equity and
 * drawdown charts, each instrument's price with the round trips' entries and exits, the monthly returns heat map,
 * the distribution of round-trip returns, the round-trip table (sortable), the risk denials by rule and the data
 * quality findings. The chart library, Apache ECharts, is inlined with its license. Series are downsampled for
 * drawing, keeping each bucket's extremes ({@link Downsampled}), so the page stays small for any run length.
 */
final class ReportPage {
    static final String ECHARTS = "META-INF/resources/webjars/echarts/5.3.1/";
    /** instruments drawn with their own price chart */
    private static final int MAX_PRICE_CHARTS = 8;

    private ReportPage() {}

    static void write(
            Path directory,
            RunResults results,
            Statistics overall,
            Map<String, Statistics> perStrategy,
            String dataQuality)
            throws IOException {
        JsonNode summary = EventJson.MAPPER.readTree(
                directory.resolve(RunArtifacts.SUMMARY).toFile());
        String name = summary.path("name").asText("run");
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("name", name);
        data.put("currency", results.base().code());
        data.put("summary", summaryRows(summary));
        data.put("statistics", overall.values());
        data.put("undefined", overall.undefined());
        Map<String, Object> strategies = new LinkedHashMap<>();
        perStrategy.forEach((id, s) -> strategies.put(id, s.values()));
        data.put("strategies", strategies);
        data.put("equity", series(results.equityCurve()));
        List<Map<String, Object>> prices = new ArrayList<>();
        List<RoundTrip> trips = new ArrayList<>(results.keptTrips());
        trips.addAll(results.openTrips());
        for (Map.Entry<InstrumentId, Downsampled> e : results.prices().entrySet()) {
            if (prices.size() == MAX_PRICE_CHARTS) {
                break;
            }
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("instrument", e.getKey().value());
            p.put("series", series(e.getValue()));
            List<Object[]> entries = new ArrayList<>();
            List<Object[]> exits = new ArrayList<>();
            for (RoundTrip t : trips) {
                if (t.instrument().equals(e.getKey())) {
                    entries.add(new Object[] {t.entryTime().toEpochMilli(), t.averageEntryPrice(), t.side()});
                    if (t.exitTime() != null) {
                        exits.add(new Object[] {t.exitTime().toEpochMilli(), t.averageExitPrice(), t.side()});
                    }
                }
            }
            p.put("entries", entries);
            p.put("exits", exits);
            prices.add(p);
        }
        data.put("prices", prices);
        data.put("monthly", monthly(results.sessionDates(), results.sessionReturns()));
        List<Object> tripRows = new ArrayList<>();
        for (RoundTrip t : trips) {
            tripRows.add(List.of(ResultsFiles.row(t, t.exitTime()).strip().split(",", -1)));
        }
        data.put("tripHeader", List.of(ResultsFiles.TRADES_HEADER.split(",")));
        data.put("trips", tripRows);
        data.put("tripsShown", trips.size());
        data.put(
                "tripReturns",
                trips.stream()
                        .filter(t -> !t.isOpen() && t.returnOnEntry() != null)
                        .map(t -> t.returnOnEntry().doubleValue())
                        .toList());
        data.put("denials", results.denialsByRule());
        Path quality = directory.resolve("data-quality.json");
        data.put(
                "dataQuality",
                dataQuality != null ? dataQuality : Files.exists(quality) ? Files.readString(quality) : null);

        String json = EventJson.ARTIFACTS.writeValueAsString(data).replace("</", "<\\/");
        // markers are replaced in an order in which no inserted text can contain a later marker
        String page = template()
                .replace("<!--TITLE-->", escape(name))
                .replace("<!--LICENSE-->", chartLicense())
                .replace("/*ECHARTS*/", chartLibrary())
                .replace("/*DATA*/", json);
        Files.writeString(directory.resolve(RunArtifacts.REPORT), page);
    }

    private static Map<String, Object> series(Downsampled d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("t", d.times());
        m.put("v", d.values());
        return m;
    }

    /** The summary's figures, as summary.json has them. */
    private static List<Object[]> summaryRows(JsonNode s) {
        List<Object[]> rows = new ArrayList<>();
        String[][] keys = {
            {"initial_cash", "initial cash"},
            {"final_equity", "final equity"},
            {"final_cash", "final cash"},
            {"realized_pnl", "realized PnL"},
            {"unrealized_pnl", "unrealized PnL"},
            {"total_fees", "fees"},
            {"orders_submitted", "orders submitted"},
            {"orders_filled", "orders filled"},
            {"orders_denied", "orders denied"},
            {"fills", "fills"},
            {"market_events", "market events"},
            {"events", "journal events (market events counted, kept by their digest)"},
            {"journal_digest", "journal digest"}
        };
        for (String[] k : keys) {
            JsonNode v = s.get(k[0]);
            if (v != null && !v.isNull()) {
                rows.add(new Object[] {k[1], v.isNumber() ? v.decimalValue() : v.asText()});
            }
        }
        return rows;
    }

    /** Compounded returns per calendar month: [year, month (1-12), return]. */
    private static List<Object[]> monthly(List<LocalDate> dates, List<Double> returns) {
        Map<YearMonth, Double> growth = new TreeMap<>();
        for (int i = 0; i < dates.size(); i++) {
            growth.merge(YearMonth.from(dates.get(i)), 1 + returns.get(i), (a, b) -> a * b);
        }
        List<Object[]> out = new ArrayList<>();
        growth.forEach((ym, g) -> out.add(new Object[] {ym.getYear(), ym.getMonthValue(), g - 1}));
        return out;
    }

    private static String resource(String name) {
        try (InputStream in = ReportPage.class.getClassLoader().getResourceAsStream(ECHARTS + name)) {
            if (in == null) {
                throw new IllegalStateException(
                        "the report's chart library is missing from the classpath: " + ECHARTS + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String template() {
        return resourceText("report-template.html", ReportPage.class);
    }

    /** The chart library's minified build, to inline. */
    static String chartLibrary() {
        return resource("dist/echarts.min.js");
    }

    /** The chart library's license and notice, escaped for a page. */
    static String chartLicense() {
        return escape(resource("LICENSE")) + "\n\n" + escape(resource("NOTICE"));
    }

    static String resourceText(String name, Class<?> near) {
        try (InputStream in = near.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
