package io.eventdesk.bootstrap.wiring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.eventdesk.adapters.persistence.ResearchFiles;
import io.eventdesk.application.research.Combination;
import io.eventdesk.application.research.ParameterSweep;
import io.eventdesk.application.research.SweepOutcome;
import io.eventdesk.application.research.SweepParameter;
import io.eventdesk.bootstrap.config.BacktestConfig;
import io.eventdesk.bootstrap.config.StrategySpec;
import io.eventdesk.bootstrap.config.SweepSettings;
import io.eventdesk.domain.error.BadInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sweep run here, on {@code workers} threads: {@code sweep.csv} streamed as results come (one row per
 * combination), then {@code sweep.json} (the best combination, the counts, the top runs), {@code best.yaml} (the
 * best combination's config, ready to run), {@code sweep.html} (a heat map of the objective over two parameters)
 * and, when asked, the best runs' full run folders with journals under {@code runs/}.
 */
public final class SweepJob {
    public static final String CSV = "sweep.csv";
    public static final String JSON = "sweep.json";
    public static final String HTML = "sweep.html";
    public static final String BEST_CONFIG = "best.yaml";

    private SweepJob() {}

    /** How it went: the counts by status and the best outcomes, best first. */
    public record Report(long combinations, ParameterSweep.Result result) {}

    /** Checks the swept paths against the config by building the first combination's run (exit 2 when unknown). */
    public static void checkPaths(ResearchRunner runner, SweepSettings s, ClassLoader plugins) {
        Combination first = s.space().iterator().next();
        try {
            BacktestConfig cfg = runner.config(runner.treeWith(first.values(), first.seed(), null));
            BacktestRunner.strategies(cfg, plugins, new ArrayList<StrategySpec>());
        } catch (BadInputException e) {
            if (e.problem() != null && e.problem().startsWith("unknown")) {
                String field = e.field() == null ? "" : e.field();
                for (SweepParameter p : s.parameters()) {
                    if (field.equals(p.path())
                            || field.endsWith("." + p.path())
                            || p.path().endsWith(field)) {
                        throw new BadInputException(
                                runner.file().toString(),
                                0,
                                "sweep.parameters." + p.path(),
                                "unknown parameter path: " + e.problem());
                    }
                }
                throw e;
            }
            // a bad value of the first combination is that combination's failure, recorded in sweep.csv
        }
    }

    public static Report run(ResearchRunner runner, SweepSettings s, Path out, SweepProgress progress) {
        List<SweepParameter> params = s.parameters();
        HeatMap heat = params.size() >= 2 ? new HeatMap(s, params) : null;
        ParameterSweep.Spec spec = new ParameterSweep.Spec(
                s.space(), s.constraints(), s.objective(), s.filters(), s.workers(), Math.max(10, s.keepBest()));
        ParameterSweep.Result result;
        try (ResearchFiles.Table csv = ResearchFiles.table(out.resolve(CSV), SweepRows.header(params))) {
            result = ParameterSweep.run(
                    spec,
                    c -> runner.run(c).statistics(),
                    o -> {
                        csv.row(SweepRows.row(o));
                        if (heat != null) {
                            heat.add(o);
                        }
                    },
                    progress::done);
        }
        progress.finished();
        writeSummary(runner, s, out, result);
        if (heat != null) {
            heat.write(out.resolve(HTML), runner.base().name(), result, s);
        }
        for (int i = 0; i < Math.min(s.keepBest(), result.best().size()); i++) {
            SweepOutcome o = result.best().get(i);
            Combination c = o.combination();
            BacktestConfig cfg = runner.config(runner.treeWith(c.values(), c.seed(), null));
            BacktestRunner.run(cfg, out.resolve("runs").resolve(String.format("%06d", c.index())));
        }
        return new Report(s.space().size(), result);
    }

    private static void writeSummary(ResearchRunner runner, SweepSettings s, Path out, ParameterSweep.Result result) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("config", runner.file().toAbsolutePath().normalize().toString());
        json.put("method", s.space().random() ? "random" : "grid");
        json.put("seed", s.space().seed());
        json.put("combinations", s.space().size());
        json.put("objective", s.objective().toString());
        json.put("filters", s.filters().stream().map(f -> f.text()).toList());
        json.put("constraints", s.constraints().stream().map(c -> c.text()).toList());
        json.put("counts", result.counts());
        List<Map<String, Object>> top = new ArrayList<>();
        for (SweepOutcome o : result.best()) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("index", o.combination().index());
            t.put("values", o.combination().values());
            t.put("seed", o.combination().seed());
            t.put(s.objective().statistic(), o.objective(s.objective()));
            t.put("statistics", o.statistics().values());
            top.add(t);
        }
        json.put("best", top.isEmpty() ? null : top.get(0));
        json.put("top", top);
        if (!top.isEmpty()) {
            Combination c = result.best().get(0).combination();
            String yaml = readyConfig(runner, runner.treeWith(c.values(), c.seed(), null));
            ResearchFiles.text(out.resolve(BEST_CONFIG), yaml);
            json.put("best_config_file", BEST_CONFIG);
            json.put("best_config", yaml);
        }
        ResearchFiles.json(out.resolve(JSON), json);
    }

    /** The config as YAML, its data paths made absolute so it runs from anywhere. */
    static String readyConfig(ResearchRunner runner, JsonNode tree) {
        Path dir = runner.file().toAbsolutePath().getParent();
        JsonNode copy = tree.deepCopy();
        ((ObjectNode) copy).remove("sweep");
        JsonNode data = copy.get("data");
        if (data != null && data.isArray()) {
            for (JsonNode d : data) {
                for (String key : List.of("path", "bid-path", "ask-path", "secondary")) {
                    JsonNode p = d.get(key);
                    if (p != null && p.isTextual()) {
                        ((ObjectNode) d)
                                .put(key, dir.resolve(p.asText()).normalize().toString());
                    }
                }
            }
        }
        try {
            return "# the best combination of a sweep of " + runner.file().getFileName() + "; run it with"
                    + " bin/eventdesk backtest --config <this file>\n"
                    + new YAMLMapper().writeValueAsString(copy);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The best objective at each pair of values of two parameters, and the page that draws it. A parameter with at
     * most {@link Axis#MOST} values is drawn value by value; one with more (a distribution, a long range) in
     * {@link Axis#BINS} equal bins: the page's size does not grow with the number of combinations.
     */
    private static final class HeatMap {
        private final Axis x;
        private final Axis y;
        private final Double[][] best;
        private final io.eventdesk.application.research.Objective objective;

        HeatMap(SweepSettings s, List<SweepParameter> params) {
            String px =
                    s.heatmap().isEmpty() ? params.get(0).path() : s.heatmap().get(0);
            String py =
                    s.heatmap().isEmpty() ? params.get(1).path() : s.heatmap().get(1);
            this.x = Axis.of(
                    params.stream().filter(p -> p.path().equals(px)).findFirst().orElseThrow());
            this.y = Axis.of(
                    params.stream().filter(p -> p.path().equals(py)).findFirst().orElseThrow());
            this.best = new Double[x.labels.size()][y.labels.size()];
            this.filled = new boolean[x.labels.size()][y.labels.size()];
            this.objective = s.objective();
        }

        private final boolean[][] filled;

        synchronized void add(SweepOutcome o) {
            int i = x.indexOf(o.combination().values().get(x.path));
            int j = y.indexOf(o.combination().values().get(y.path));
            Double v = o.objective(objective);
            if (!filled[i][j] || objective.better(v, best[i][j])) {
                best[i][j] = v;
                filled[i][j] = true;
            }
        }

        void write(Path file, String name, ParameterSweep.Result result, SweepSettings s) {
            List<Object[]> cells = new ArrayList<>();
            for (int i = 0; i < best.length; i++) {
                for (int j = 0; j < best[i].length; j++) {
                    if (filled[i][j]) {
                        cells.add(new Object[] {i, j, best[i][j]});
                    }
                }
            }
            List<String> columns = new ArrayList<>();
            columns.add("index");
            s.parameters().forEach(p -> columns.add(p.shortName()));
            columns.add(objective.statistic());
            List<List<Object>> rows = new ArrayList<>();
            for (SweepOutcome o : result.best()) {
                List<Object> r = new ArrayList<>();
                r.add(o.combination().index());
                o.combination().values().values().forEach(v -> r.add(v instanceof Number ? v : String.valueOf(v)));
                r.add(o.objective(objective));
                rows.add(r);
            }
            ResearchFiles.heatMap(
                    file,
                    "eventdesk sweep: " + name,
                    s.space().size() + " combinations; " + result.counts(),
                    objective.toString(),
                    objective.maximize(),
                    x.path,
                    x.labels,
                    y.path,
                    y.labels,
                    cells,
                    columns,
                    rows);
        }
    }

    /** One axis of the heat map: a parameter's values, or equal bins of its range. */
    private static final class Axis {
        static final int MOST = 40;
        static final int BINS = 20;
        final String path;
        final List<Object> labels = new ArrayList<>();
        private final Map<String, Integer> byValue = new java.util.HashMap<>();
        private final double low;
        private final double high;

        private Axis(String path, double low, double high) {
            this.path = path;
            this.low = low;
            this.high = high;
        }

        static Axis of(SweepParameter p) {
            List<Object> values = p.values();
            if (!values.isEmpty() && (values.size() <= MOST || !values.stream().allMatch(v -> v instanceof Number))) {
                Axis a = new Axis(p.path(), 0, 0);
                List<Object> sorted = new ArrayList<>(values);
                if (sorted.stream().allMatch(v -> v instanceof Number)) {
                    sorted.sort((m, n) ->
                            new java.math.BigDecimal(m.toString()).compareTo(new java.math.BigDecimal(n.toString())));
                }
                for (Object v : sorted) {
                    if (a.byValue.putIfAbsent(Combination.text(v), a.labels.size()) == null) {
                        a.labels.add(v instanceof Number ? v : String.valueOf(v));
                    }
                }
                return a;
            }
            double lo;
            double hi;
            if (p instanceof SweepParameter.Distribution d) {
                lo = d.low();
                hi = d.high();
            } else {
                lo = values.stream()
                        .mapToDouble(v -> ((Number) v).doubleValue())
                        .min()
                        .orElse(0);
                hi = values.stream()
                        .mapToDouble(v -> ((Number) v).doubleValue())
                        .max()
                        .orElse(1);
            }
            Axis a = new Axis(p.path(), lo, hi);
            for (int b = 0; b < BINS; b++) {
                a.labels.add(round(lo + (hi - lo) * b / BINS) + "–" + round(lo + (hi - lo) * (b + 1) / BINS));
            }
            return a;
        }

        int indexOf(Object v) {
            if (high == low && !byValue.isEmpty()) {
                return byValue.get(Combination.text(v));
            }
            double d = ((Number) v).doubleValue();
            int b = (int) Math.floor((d - low) / (high - low) * BINS);
            return Math.max(0, Math.min(BINS - 1, b));
        }

        private static String round(double d) {
            return new java.math.BigDecimal(d, new java.math.MathContext(4))
                    .stripTrailingZeros()
                    .toPlainString();
        }
    }
}
