package io.eventdesk.adapters.persistence;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The files of research runs (sweeps, walk-forward, segments): tables written a row at a time (memory does not grow
 * with the rows), JSON summaries, and a self-contained page with a heat map of the objective.
 */
public final class ResearchFiles {
    private ResearchFiles() {}

    /** A CSV file written one row at a time, each row flushed as it is written (a sweep's progress is on disk). */
    public static final class Table implements AutoCloseable {
        private final Path file;
        private final BufferedWriter out;
        private final int columns;

        private Table(Path file, List<String> header) {
            this.file = file;
            this.columns = header.size();
            try {
                Files.createDirectories(file.toAbsolutePath().getParent());
                this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file, e);
            }
            row(header);
        }

        /** Writes one row: numbers as they are, null as empty, text quoted where it must be. */
        public synchronized void row(List<?> cells) {
            if (cells.size() != columns) {
                throw new IllegalArgumentException(
                        file + ": a row of " + cells.size() + " cells, the header has " + columns);
            }
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) {
                    b.append(',');
                }
                b.append(cell(cells.get(i)));
            }
            try {
                out.write(b.append('\n').toString());
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file, e);
            }
        }

        private static String cell(Object v) {
            if (v == null) {
                return "";
            }
            if (v instanceof Double d) {
                if (d.isNaN() || d.isInfinite()) {
                    return "";
                }
                return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue()) : Double.toString(d);
            }
            if (v instanceof java.math.BigDecimal d) {
                return d.stripTrailingZeros().toPlainString();
            }
            String s = String.valueOf(v);
            if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
                return '"' + s.replace("\"", "\"\"") + '"';
            }
            return s;
        }

        @Override
        public synchronized void close() {
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file, e);
            }
        }
    }

    /** Opens {@code file} (replacing it) with {@code header}. */
    public static Table table(Path file, List<String> header) {
        return new Table(file, header);
    }

    /** Writes {@code content} as indented JSON (keys in the map's order). */
    public static void json(Path file, Map<String, ?> content) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            EventJson.ARTIFACTS.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Writes text (a ready-to-run config). */
    public static void text(Path file, String content) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /**
     * A heat map of a sweep's objective over two parameters, with its best combinations: one self-contained page.
     *
     * @param cells each {@code [x index, y index, value or null]}
     * @param columns the best table's header; {@code best} its rows
     */
    public static void heatMap(
            Path file,
            String title,
            String summary,
            String objective,
            boolean maximize,
            String x,
            List<?> xs,
            String y,
            List<?> ys,
            List<Object[]> cells,
            List<String> columns,
            List<List<Object>> best) {
        Map<String, Object> data = new java.util.LinkedHashMap<>();
        data.put("title", title);
        data.put("summary", summary);
        data.put("objective", objective);
        data.put("maximize", maximize);
        data.put("x", x);
        data.put("xs", xs);
        data.put("y", y);
        data.put("ys", ys);
        data.put("cells", cells);
        data.put("columns", columns);
        data.put("best", best);
        try {
            String json = EventJson.ARTIFACTS.writeValueAsString(data).replace("</", "<\\/");
            String page = ReportPage.resourceText("sweep-template.html", ResearchFiles.class)
                    .replace("<!--TITLE-->", title.replace("&", "&amp;").replace("<", "&lt;"))
                    .replace("<!--LICENSE-->", ReportPage.chartLicense())
                    .replace("/*ECHARTS*/", ReportPage.chartLibrary())
                    .replace("/*DATA*/", json);
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, page);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
