package io.eventdesk.adapters.persistence;

import io.eventdesk.domain.instrument.InstrumentId;
import io.eventdesk.domain.results.Downsampled;
import io.eventdesk.domain.results.RoundTrip;
import io.eventdesk.domain.results.RunResults;
import io.eventdesk.domain.results.Statistics;
import io.eventdesk.domain.run.RunSummary;
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
            RunSummary summary,
            RunResults results,
            Statistics overall,
            Map<String, Statistics> perStrategy,
            String dataQuality)
            throws IOException {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("name", summary.name());
        data.put("currency", results.base().code());
        data.put("summary", summaryRows(summary));
        data.put("statistics", overall.values());
        data.put("undefined", overall.undefined());
        Map<String, Object> strategies = new LinkedHashMap<>();
        perStrategy.forEach((id, s) -> strategies.put(id, s.values()));
        data.put("strategies", strategies);
        data.put("equity", series(results.equityCurve()));
        data.put("drawdown", series(results.drawdownCurve()));
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
                .replace("<!--TITLE-->", escape(summary.name()))
                .replace("<!--LICENSE-->", escape(resource("LICENSE")) + "\n\n" + escape(resource("NOTICE")))
                .replace("/*ECHARTS*/", resource("dist/echarts.min.js"))
                .replace("/*DATA*/", json);
        Files.writeString(directory.resolve(RunArtifacts.REPORT), page);
    }

    private static Map<String, Object> series(Downsampled d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("t", d.times());
        m.put("v", d.values());
        return m;
    }

    private static List<Object[]> summaryRows(RunSummary s) {
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {"initial cash", s.initialCash().amount()});
        rows.add(new Object[] {"final equity", s.finalEquity().amount()});
        rows.add(new Object[] {"final cash", s.finalCash().amount()});
        rows.add(new Object[] {"realized PnL", s.realizedPnl().amount()});
        rows.add(new Object[] {"unrealized PnL", s.unrealizedPnl().amount()});
        rows.add(new Object[] {"fees", s.totalFees().amount()});
        rows.add(new Object[] {
            "orders submitted / filled / denied",
            s.ordersSubmitted() + " / " + s.ordersFilled() + " / " + s.ordersDenied()
        });
        rows.add(new Object[] {"fills", s.fills()});
        rows.add(new Object[] {"market events", s.marketEvents()});
        rows.add(new Object[] {"journal events (every event but market data)", s.events()});
        rows.add(new Object[] {"journal digest", s.journalDigest()});
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
        try (InputStream in = ReportPage.class.getResourceAsStream("report-template.html")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
