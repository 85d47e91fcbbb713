package io.eventdesk.bootstrap.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.eventdesk.application.research.Constraint;
import io.eventdesk.application.research.Objective;
import io.eventdesk.application.research.ParameterSpace;
import io.eventdesk.application.research.StatisticFilter;
import io.eventdesk.application.research.SweepParameter;
import io.eventdesk.domain.error.BadInputException;
import java.math.BigDecimal;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a sweep: the config's {@code sweep} section, then the command line's options over it (a {@code --param}
 * replaces the section's parameter of the same path). Every problem is one line naming its key, before any run.
 *
 * <pre>
 * sweep:
 *   method: grid                     # or random (then samples and seed)
 *   parameters:
 *     strategy.params.fast: [5, 10, 15]
 *     strategy.params.slow: {from: 20, to: 60, step: 10}
 *     execution.slippage-bps: {uniform: [0, 5]}        # random only; also log-uniform, int-uniform
 *   constraints: ["fast &lt; slow"]
 *   objective: sharpe                # or max:sharpe, min:max_drawdown
 *   filters: ["round_trips &gt;= 30"]
 *   heatmap: [strategy.params.fast, strategy.params.slow]
 * </pre>
 */
public final class SweepConfigReader {
    /** Where the data comes from: not a parameter (the data is read once for every combination). */
    private static final List<String> FIXED = List.of("data", "instruments", "name", "journal", "service", "sweep");

    private SweepConfigReader() {}

    /** What the command line gives; null or empty where it gives nothing. */
    public record Options(
            List<String> params,
            String method,
            Long samples,
            Long seed,
            List<String> constraints,
            String objective,
            List<String> filters,
            Integer workers,
            String keepRuns,
            String walkForward,
            String segments)
            implements java.io.Serializable {
        /** Only the sweep's own options: parameters, method and the rest from the config. */
        public static Options none() {
            return new Options(null, null, null, null, null, null, null, null, null, null, null);
        }
    }

    public static SweepSettings read(java.nio.file.Path file, JsonNode tree, long configSeed, Options cli) {
        String src = file.toString();
        ConfigNode n = new ConfigNode(src, "", tree).get("sweep");
        if (!n.isMissing()) {
            n.object("method", "samples", "seed", "parameters", "constraints", "objective", "filters", "heatmap");
        }
        Map<String, SweepParameter> parameters = new LinkedHashMap<>();
        if (!n.get("parameters").isMissing()) {
            for (Map.Entry<String, ConfigNode> e : n.get("parameters").entries().entrySet()) {
                parameters.put(e.getKey(), parameter(e.getKey(), e.getValue(), tree));
            }
        }
        for (String p : list(cli.params())) {
            int eq = p.indexOf('=');
            if (eq <= 0) {
                throw new BadInputException(
                        "--param",
                        0,
                        null,
                        "expected PATH=VALUES (a,b,c | from:to:step |"
                                + " uniform:low:high | log-uniform:low:high | int-uniform:low:high), got '" + p + "'");
            }
            String path = p.substring(0, eq).trim();
            parameters.put(path, parameter(path, cliValues(path, p.substring(eq + 1)), tree));
        }
        if (parameters.isEmpty()) {
            throw new BadInputException(
                    src, 0, "sweep.parameters", "missing: name at least one parameter to sweep (or give --param)");
        }
        List<SweepParameter> params = List.copyOf(parameters.values());

        String method = cli.method() != null
                ? choice("--method", cli.method())
                : n.get("method").choice("grid", "grid", "random");
        ParameterSpace space;
        try {
            if (method.equals("random")) {
                Long seed = cli.seed() != null
                        ? cli.seed()
                        : n.get("seed").isMissing() ? null : n.get("seed").integer(0);
                if (seed == null) {
                    throw new BadInputException(
                            src,
                            0,
                            "sweep.seed",
                            "missing: a random search draws from a seed (give sweep.seed or --seed)");
                }
                long samples = cli.samples() != null
                        ? cli.samples()
                        : n.get("samples").isMissing() ? 0 : n.get("samples").integer(0);
                if (samples <= 0) {
                    throw new BadInputException(
                            src,
                            0,
                            "sweep.samples",
                            "expected a positive number of combinations to draw (sweep.samples or --samples)");
                }
                space = ParameterSpace.random(params, samples, seed);
            } else {
                for (SweepParameter p : params) {
                    if (p instanceof SweepParameter.Distribution d) {
                        throw new BadInputException(
                                src,
                                0,
                                "sweep.parameters." + p.path(),
                                d.kind().configName + " is a distribution: a grid takes lists and ranges (or use"
                                        + " method: random)");
                    }
                }
                space = ParameterSpace.grid(
                        params, cli.seed() != null ? cli.seed() : n.get("seed").integer(configSeed));
            }
            space.size();
        } catch (ArithmeticException e) {
            throw new BadInputException(src, 0, "sweep.parameters", "more combinations than a sweep can count");
        }

        List<Constraint> constraints = new ArrayList<>();
        List<String> constraintTexts = new ArrayList<>(texts(n.get("constraints")));
        constraintTexts.addAll(list(cli.constraints()));
        for (String c : constraintTexts) {
            constraints.add(at(
                    cli.constraints() != null && cli.constraints().contains(c) ? "--constraint" : src,
                    "sweep.constraints",
                    () -> Constraint.parse(c, params)));
        }
        String objectiveText =
                cli.objective() != null ? cli.objective() : n.get("objective").text("max:sharpe");
        Objective objective = at(
                cli.objective() != null ? "--objective" : src, "sweep.objective", () -> Objective.parse(objectiveText));
        List<StatisticFilter> filters = new ArrayList<>();
        List<String> filterTexts = new ArrayList<>(texts(n.get("filters")));
        filterTexts.addAll(list(cli.filters()));
        for (String f : filterTexts) {
            filters.add(at(src, "sweep.filters", () -> StatisticFilter.parse(f)));
        }
        List<String> heatmap = texts(n.get("heatmap"));
        if (!heatmap.isEmpty()) {
            if (heatmap.size() != 2) {
                throw n.get("heatmap").error("expected two swept parameters, got " + heatmap.size());
            }
            for (String h : heatmap) {
                if (!parameters.containsKey(h)) {
                    throw n.get("heatmap").error("'" + h + "' is not a swept parameter");
                }
            }
        }
        int workers =
                cli.workers() != null ? cli.workers() : Runtime.getRuntime().availableProcessors();
        if (workers < 1 || workers > 1024) {
            throw new BadInputException("--workers", 0, null, "expected 1 to 1024 workers, got " + workers);
        }
        int keep = 0;
        if (cli.keepRuns() != null) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("best:(\\d{1,4})")
                    .matcher(cli.keepRuns().trim());
            if (!m.matches() || Integer.parseInt(m.group(1)) < 1) {
                throw new BadInputException(
                        "--keep-runs", 0, null, "expected best:N (N from 1), got '" + cli.keepRuns() + "'");
            }
            keep = Integer.parseInt(m.group(1));
        }
        if (cli.walkForward() != null && cli.segments() != null) {
            throw new BadInputException("--segments", 0, null, "give --walk-forward or --segments, not both");
        }
        SweepSettings.WalkForward wf = cli.walkForward() == null ? null : walkForward(cli.walkForward());
        Period segments = cli.segments() == null ? null : period("--segments", null, cli.segments());
        return new SweepSettings(params, space, constraints, objective, filters, heatmap, workers, keep, wf, segments);
    }

    /** {@code --segments PERIOD}. */
    public static Period segments(String text) {
        return period("--segments", null, text);
    }

    private static String choice(String option, String v) {
        String l = v.trim().toLowerCase(java.util.Locale.ROOT);
        if (!l.equals("grid") && !l.equals("random")) {
            throw new BadInputException(option, 0, null, "expected grid or random, got '" + v + "'");
        }
        return l;
    }

    /** {@code train=P6M,test=P1M,step=P1M[,state=reset|carry]}. */
    static SweepSettings.WalkForward walkForward(String text) {
        Map<String, String> parts = new LinkedHashMap<>();
        for (String part : text.split(",")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new BadInputException(
                        "--walk-forward",
                        0,
                        null,
                        "expected train=P6M,test=P1M,step=P1M[,state=reset|carry], got '" + text + "'");
            }
            parts.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
        }
        for (String k : parts.keySet()) {
            if (!List.of("train", "test", "step", "state").contains(k)) {
                throw new BadInputException("--walk-forward", 0, k, "unknown part (expected train, test, step, state)");
            }
        }
        Period train = period("--walk-forward", "train", required(parts, "train"));
        Period test = period("--walk-forward", "test", required(parts, "test"));
        Period step = parts.containsKey("step") ? period("--walk-forward", "step", parts.get("step")) : test;
        String state = parts.getOrDefault("state", "reset");
        if (!state.equals("reset") && !state.equals("carry")) {
            throw new BadInputException("--walk-forward", 0, "state", "expected reset or carry, got '" + state + "'");
        }
        return new SweepSettings.WalkForward(train, test, step, state.equals("carry"));
    }

    private static String required(Map<String, String> parts, String key) {
        String v = parts.get(key);
        if (v == null) {
            throw new BadInputException("--walk-forward", 0, key, "missing (e.g. " + key + "=P1M)");
        }
        return v;
    }

    private static Period period(String option, String key, String text) {
        try {
            Period p = Period.parse(text.trim());
            if (p.isNegative() || p.isZero()) {
                throw new BadInputException(option, 0, key, "expected a positive period, got '" + text + "'");
            }
            return p;
        } catch (DateTimeParseException e) {
            throw new BadInputException(
                    option, 0, key, "expected an ISO period (P1M, P2W, P10D, P1Y), got '" + text + "'");
        }
    }

    private static List<String> list(List<String> l) {
        return l == null ? List.of() : l;
    }

    private static List<String> texts(ConfigNode n) {
        if (n.isMissing()) {
            return List.of();
        }
        return n.list().stream().map(ConfigNode::text).toList();
    }

    private static <T> T at(String src, String key, java.util.function.Supplier<T> make) {
        try {
            return make.get();
        } catch (IllegalArgumentException e) {
            throw new BadInputException(src, 0, key, e.getMessage());
        }
    }

    /** A parameter's values from its config node: a list, {from, to, step}, or {uniform|log-uniform|int-uniform: [lo, hi]}. */
    private static SweepParameter parameter(String path, ConfigNode n, JsonNode tree) {
        checkPath(n, path, tree);
        JsonNode raw = n.raw();
        String key = n.path();
        if (raw != null && raw.isArray()) {
            List<Object> values = new ArrayList<>();
            for (ConfigNode v : n.list()) {
                values.add(value(v));
            }
            return ConfigNode.value(n, () -> new SweepParameter.Values(path, values));
        }
        if (raw != null && raw.isObject()) {
            if (raw.has("from") || raw.has("to") || raw.has("step")) {
                n.object("from", "to", "step");
                BigDecimal from = n.get("from").decimal();
                BigDecimal to = n.get("to").decimal();
                BigDecimal step = n.get("step").decimal();
                return ConfigNode.value(n, () -> new SweepParameter.Range(path, from, to, step));
            }
            n.object("uniform", "log-uniform", "int-uniform");
            for (SweepParameter.Distribution.Kind k : SweepParameter.Distribution.Kind.values()) {
                ConfigNode d = n.get(k.configName);
                if (!d.isMissing()) {
                    List<ConfigNode> ends = d.list();
                    if (ends.size() != 2) {
                        throw d.error("expected [low, high], got " + ends.size() + " values");
                    }
                    double lo = ends.get(0).decimal().doubleValue();
                    double hi = ends.get(1).decimal().doubleValue();
                    return ConfigNode.value(d, () -> new SweepParameter.Distribution(path, k, lo, hi));
                }
            }
            throw n.error("expected a list, {from, to, step} or one of uniform, log-uniform, int-uniform");
        }
        throw new BadInputException(
                n.source(),
                0,
                key,
                "expected a list of values, {from, to, step} or a distribution, got a single value");
    }

    /** The path names a place in the config: its sections exist (or a list entry), and it is not the data's. */
    private static void checkPath(ConfigNode n, String path, JsonNode tree) {
        String[] parts = path.split("\\.");
        if (!path.matches("[A-Za-z0-9_\\-]+(\\[\\d+])?(\\.[A-Za-z0-9_\\-]+(\\[\\d+])?)*") || parts.length < 1) {
            throw new BadInputException(
                    n.source(),
                    0,
                    n.path(),
                    "'" + path + "' is not a config path (e.g."
                            + " strategy.params.fast, strategies[1].params.slow, risk.max-leverage)");
        }
        String head = parts[0].replaceAll("\\[\\d+]$", "");
        if (FIXED.contains(head)) {
            throw new BadInputException(
                    n.source(),
                    0,
                    n.path(),
                    "'" + head + "' cannot be swept: the data and the run's"
                            + " identity are the same for every combination");
        }
        JsonNode at = tree;
        for (int i = 0; i < parts.length - 1; i++) {
            at = step(at, parts[i]);
            if (at == null || !at.isObject()) {
                throw new BadInputException(
                        n.source(),
                        0,
                        n.path(),
                        "unknown parameter path: the config has no section '"
                                + String.join(".", java.util.Arrays.copyOf(parts, i + 1)) + "'");
            }
        }
    }

    /** One step of a path into {@code at}: {@code key} or {@code key[i]}; null where there is nothing. */
    public static JsonNode step(JsonNode at, String part) {
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("([^\\[]+)(?:\\[(\\d+)])?").matcher(part);
        if (at == null || !m.matches()) {
            return null;
        }
        JsonNode next = at.get(m.group(1));
        if (next != null && m.group(2) != null) {
            next = next.isArray() ? next.get(Integer.parseInt(m.group(2))) : null;
        }
        return next;
    }

    private static Object value(ConfigNode v) {
        JsonNode raw = v.raw();
        if (raw.isNumber()) {
            return numberOf(raw.decimalValue());
        }
        if (raw.isBoolean()) {
            return raw.booleanValue();
        }
        return v.text();
    }

    private static Object numberOf(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        return s.scale() <= 0 && s.precision() - s.scale() < 19 ? (Object) s.longValueExact() : s;
    }

    /** {@code a,b,c}, {@code from:to:step} or {@code kind:low:high} as a config node. */
    private static ConfigNode cliValues(String path, String text) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        String t = text.trim();
        String[] colon = t.split(":");
        JsonNode node;
        if (colon.length == 3
                && List.of("uniform", "log-uniform", "int-uniform").contains(colon[0])) {
            node = f.objectNode().set(colon[0], f.arrayNode().add(num(colon[1])).add(num(colon[2])));
        } else if (colon.length == 3) {
            node = f.objectNode().set("from", num(colon[0]));
            ((com.fasterxml.jackson.databind.node.ObjectNode) node).set("to", num(colon[1]));
            ((com.fasterxml.jackson.databind.node.ObjectNode) node).set("step", num(colon[2]));
        } else {
            var a = f.arrayNode();
            for (String v : t.split(",")) {
                if (!v.isBlank()) {
                    a.add(num(v));
                }
            }
            node = a;
        }
        return new ConfigNode("--param", path, node);
    }

    private static JsonNode num(String v) {
        String t = v.trim();
        try {
            return JsonNodeFactory.instance.numberNode(new BigDecimal(t));
        } catch (NumberFormatException e) {
            return t.equals("true") || t.equals("false")
                    ? JsonNodeFactory.instance.booleanNode(Boolean.parseBoolean(t))
                    : JsonNodeFactory.instance.textNode(t);
        }
    }
}
