package io.eventdesk.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs the CLI in-process and reads a run folder's files. */
final class RunFolder {
    final int exitCode;
    final String out;
    final String err;
    final Path dir;

    private RunFolder(int exitCode, String out, String err, Path dir) {
        this.exitCode = exitCode;
        this.out = out;
        this.err = err;
        this.dir = dir;
    }

    static RunFolder cli(Path dir, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = EventdeskCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new RunFolder(code, out.toString(), err.toString(), dir);
    }

    static RunFolder backtest(Path config, Path dir) {
        return cli(dir, "backtest", "--config", config.toString(), "--out", dir.toString());
    }

    JsonNode summary() {
        try {
            return new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the folder's {@code status.json} says of its run: RUNNING, FINISHED, STOPPED or FAILED. */
    String status() {
        try {
            return new ObjectMapper()
                    .readTree(dir.resolve("status.json").toFile())
                    .get("status")
                    .asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The journal's event types that concern one order, in sequence order. */
    List<String> journalTypes(String orderId) {
        return org.jdbi.v3.core.Jdbi.create("jdbc:sqlite:" + dir.resolve("journal.db"))
                .withHandle(
                        h -> h.createQuery("SELECT type FROM journal_events WHERE payload LIKE :id ORDER BY sequence")
                                .bind("id", "%\"orderId\":\"" + orderId + "\"%")
                                .mapTo(String.class)
                                .list());
    }

    /** The rows of a CSV file as maps of header → value. */
    List<Map<String, String>> csv(String name) {
        try {
            List<String> lines = Files.readAllLines(dir.resolve(name));
            String[] header = lines.get(0).split(",", -1);
            List<Map<String, String>> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] v = line.split(",", -1);
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.length; i++) {
                    row.put(header[i], v[i]);
                }
                rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<JsonNode> decisions() {
        try {
            ObjectMapper m = new ObjectMapper();
            List<JsonNode> out = new ArrayList<>();
            for (String line : Files.readAllLines(dir.resolve("decisions.jsonl"))) {
                out.add(m.readTree(line));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
