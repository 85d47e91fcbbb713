package io.eventdesk.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.eventdesk.adapters.persistence.RunArtifacts;
import io.eventdesk.domain.error.BadInputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code eventdesk compare RUN_DIR RUN_DIR…}: key statistics side by side, config differences, compare.html. */
@Command(
        name = "compare",
        mixinStandardHelpOptions = true,
        description = "Prints finished runs' key statistics side by side and how their configs differ, and writes"
                + " a page with their equity curves overlaid.")
final class CompareCommand implements Callable<Integer> {
    static final List<String> KEYS = List.of(
            "total_return",
            "cagr",
            "annual_volatility",
            "sharpe",
            "sortino",
            "max_drawdown",
            "calmar",
            "round_trips",
            "win_rate",
            "profit_factor",
            "expectancy",
            "exposure_time",
            "fees_share_of_gross_pnl");

    @Parameters(arity = "2..*", paramLabel = "RUN_DIR", description = "two or more run folders")
    List<Path> runs;

    @Option(names = "--out", paramLabel = "FILE", description = "the page to write (default: compare.html)")
    Path out = Path.of("compare.html");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> stats = new ArrayList<>();
        List<Map<String, String>> configs = new ArrayList<>();
        for (Path run : runs) {
            Path s = run.resolve("statistics.json");
            if (!Files.isRegularFile(s)) {
                throw new BadInputException(
                        s.toString(), 0, null, "no statistics here (a finished run; `eventdesk report` writes them)");
            }
            stats.add(json.readTree(s.toFile()));
            JsonNode summary = json.readTree(run.resolve("summary.json").toFile());
            JsonNode config = summary.get("config");
            Map<String, String> flat = new LinkedHashMap<>();
            if (config != null && Files.isRegularFile(Path.of(config.asText()))) {
                flatten("", new YAMLMapper().readTree(Path.of(config.asText()).toFile()), flat);
            }
            configs.add(flat);
        }
        PrintWriter w = spec.commandLine().getOut();
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-24s", "statistic"));
        for (Path run : runs) {
            header.append(String.format(
                    Locale.ROOT, " %18s", shorten(run.getFileName().toString())));
        }
        w.println(header);
        for (String k : KEYS) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-24s", k));
            for (JsonNode s : stats) {
                JsonNode v = s.get("overall").get(k);
                line.append(String.format(Locale.ROOT, " %18s", v == null || v.isNull() ? "n/a" : value(v)));
            }
            w.println(line);
        }
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            if (configs.get(i).isEmpty()) {
                differences.add(runs.get(i) + ": its config is unknown (summary.json names none, or it is gone)");
            }
        }
        if (differences.isEmpty()) {
            differences = differences(configs);
        }
        w.println(differences.isEmpty() ? "configs: no difference" : "configs differ in:");
        differences.forEach(d -> w.println("  " + d));
        RunArtifacts.writeComparison(out, runs, KEYS, differences);
        w.printf("compare: %s%n", out.toAbsolutePath().normalize());
        return EventdeskCli.OK;
    }

    private static String value(JsonNode v) {
        if (v.isIntegralNumber()) {
            return v.asText();
        }
        return v.isNumber() ? String.format(Locale.ROOT, "%.6g", v.asDouble()) : v.asText();
    }

    private static String shorten(String s) {
        return s.length() <= 18 ? s : s.substring(0, 17) + "…";
    }

    /** Each key whose value is not the same in every config: {@code key: a | b | c}. */
    private static List<String> differences(List<Map<String, String>> configs) {
        Set<String> keys = new LinkedHashSet<>();
        configs.forEach(c -> keys.addAll(c.keySet()));
        List<String> out = new ArrayList<>();
        for (String k : keys) {
            String first = configs.get(0).get(k);
            if (configs.stream().anyMatch(c -> !Objects.equals(c.get(k), first))) {
                List<String> values =
                        configs.stream().map(c -> c.getOrDefault(k, "(absent)")).toList();
                out.add(k + ": " + String.join(" | ", values));
            }
        }
        return out;
    }

    private static void flatten(String prefix, JsonNode n, Map<String, String> out) {
        if (n.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out);
            }
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                flatten(prefix + "[" + i + "]", n.get(i), out);
            }
        } else {
            out.put(prefix, n.asText());
        }
    }
}
