package io.eventdesk.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The end-of-run lines about results, read from the run folder's {@code statistics.json}. */
final class ResultsBlock {
    private ResultsBlock() {}

    static void print(PrintWriter w, Path folder) {
        Path file = folder.resolve("statistics.json");
        if (!Files.exists(file)) {
            return;
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        JsonNode s = root.get("overall");
        JsonNode why = root.get("undefined");
        w.printf(
                "return %s (CAGR %s), Sharpe %s, max drawdown %s, %s round trips, win rate %s%n",
                percent(s, why, "total_return"),
                percent(s, why, "cagr"),
                number(s, why, "sharpe"),
                percent(s, why, "max_drawdown"),
                s.path("round_trips").asText("0"),
                percent(s, why, "win_rate"));
        Path report = folder.resolve("report.html");
        if (Files.exists(report)) {
            w.printf("report: %s%n", report.toAbsolutePath().normalize());
        }
    }

    private static String percent(JsonNode s, JsonNode why, String key) {
        JsonNode v = s.get(key);
        if (v == null || v.isNull()) {
            return undefined(why, key);
        }
        return String.format(Locale.ROOT, "%.2f%%", v.asDouble() * 100);
    }

    private static String number(JsonNode s, JsonNode why, String key) {
        JsonNode v = s.get(key);
        if (v == null || v.isNull()) {
            return undefined(why, key);
        }
        return String.format(Locale.ROOT, "%.2f", v.asDouble());
    }

    private static String undefined(JsonNode why, String key) {
        return "n/a (" + why.path(key).asText("undefined") + ")";
    }
}
