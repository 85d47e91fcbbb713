package io.eventdesk.adapters.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventdesk.domain.results.Downsampled;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code compare.html}: several runs' equity curves overlaid, and their key statistics side by side. */
final class ComparePage {
    private ComparePage() {}

    static void write(Path file, List<Path> runs, List<String> keys, List<String> configDifferences)
            throws IOException {
        List<Map<String, Object>> series = new ArrayList<>();
        List<Map<String, Object>> stats = new ArrayList<>();
        for (Path run : runs) {
            JsonNode summary =
                    EventJson.MAPPER.readTree(run.resolve(RunArtifacts.SUMMARY).toFile());
            String name = summary.path("name").asText(run.getFileName().toString()) + " (" + run.getFileName() + ")";
            Downsampled d = new Downsampled(1500);
            try (BufferedReader r = Files.newBufferedReader(run.resolve(RunArtifacts.EQUITY), StandardCharsets.UTF_8)) {
                String line = r.readLine(); // header
                while ((line = r.readLine()) != null) {
                    String[] cells = line.split(",", -1);
                    d.add(Instant.parse(cells[0]).toEpochMilli(), Double.parseDouble(cells[2]));
                }
            }
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("name", name);
            s.put("t", d.times());
            s.put("v", d.values());
            series.add(s);
            Path statistics = run.resolve(RunArtifacts.STATISTICS);
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("name", name);
            if (Files.exists(statistics)) {
                JsonNode overall =
                        EventJson.MAPPER.readTree(statistics.toFile()).get("overall");
                for (String k : keys) {
                    JsonNode v = overall.get(k);
                    values.put(k, v == null || v.isNull() ? null : v.isNumber() ? v.doubleValue() : v.asText());
                }
            }
            stats.add(values);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("series", series);
        data.put("keys", keys);
        data.put("stats", stats);
        data.put("differences", configDifferences);
        String json = EventJson.ARTIFACTS.writeValueAsString(data).replace("</", "<\\/");
        String page = ReportPage.resourceText("compare-template.html", ComparePage.class)
                .replace("<!--LICENSE-->", ReportPage.chartLicense())
                .replace("/*ECHARTS*/", ReportPage.chartLibrary())
                .replace("/*DATA*/", json);
        Files.writeString(file, page);
    }
}
