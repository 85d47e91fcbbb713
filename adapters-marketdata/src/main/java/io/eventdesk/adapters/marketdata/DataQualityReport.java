package io.eventdesk.adapters.marketdata;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the readers found wrong with the data, per file: how many rows were read and kept, how many problems of each
 * kind, and the first examples with their line numbers. Readers may run on another thread; read the report once the
 * feed is closed.
 */
public final class DataQualityReport {
    public DataQualityReport() {}

    /** How many examples are kept per problem and file. */
    public static final int EXAMPLES = 5;

    /** One problem found at one line. */
    public record Example(long line, String field, String message) {}

    /** The findings for one file. */
    public static final class FileQuality {
        private final String file;
        private final String policy;
        private long rowsRead;
        private long rowsKept;
        private long pricesNormalized;
        private final Map<DataProblem, Long> counts = new EnumMap<>(DataProblem.class);
        private final Map<DataProblem, List<Example>> examples = new EnumMap<>(DataProblem.class);

        FileQuality(String file, ValidationPolicy policy) {
            this.file = file;
            this.policy = policy.name().toLowerCase(java.util.Locale.ROOT);
        }

        synchronized void read() {
            rowsRead++;
        }

        synchronized void kept() {
            rowsKept++;
        }

        synchronized void normalized() {
            pricesNormalized++;
        }

        synchronized void add(DataProblem problem, long line, String field, String message) {
            counts.merge(problem, 1L, Long::sum);
            List<Example> list = examples.computeIfAbsent(problem, k -> new ArrayList<>());
            if (list.size() < EXAMPLES) {
                list.add(new Example(line, field, message));
            }
        }

        public String file() {
            return file;
        }

        public synchronized long rowsRead() {
            return rowsRead;
        }

        public synchronized long rowsKept() {
            return rowsKept;
        }

        /** Prices moved onto the tick grid from float noise (not a problem, but counted). */
        public synchronized long pricesNormalized() {
            return pricesNormalized;
        }

        public synchronized long count(DataProblem problem) {
            return counts.getOrDefault(problem, 0L);
        }

        public synchronized List<Example> examples(DataProblem problem) {
            return List.copyOf(examples.getOrDefault(problem, List.of()));
        }

        public synchronized long problems() {
            return counts.values().stream().mapToLong(Long::longValue).sum();
        }

        synchronized Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", file);
            m.put("validation", policy);
            m.put("rows_read", rowsRead);
            m.put("rows_kept", rowsKept);
            m.put("prices_normalized", pricesNormalized);
            Map<String, Object> problems = new LinkedHashMap<>();
            counts.forEach((p, n) -> {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("count", n);
                entry.put("what", p.label());
                List<Map<String, Object>> first = new ArrayList<>();
                for (Example e : examples.get(p)) {
                    Map<String, Object> x = new LinkedHashMap<>();
                    x.put("line", e.line());
                    x.put("field", e.field());
                    x.put("message", e.message());
                    first.add(x);
                }
                entry.put("first", first);
                problems.put(p.name().toLowerCase(java.util.Locale.ROOT), entry);
            });
            m.put("problems", problems);
            return m;
        }
    }

    private final List<FileQuality> files = new ArrayList<>();

    synchronized FileQuality file(String file, ValidationPolicy policy) {
        FileQuality q = new FileQuality(file, policy);
        files.add(q);
        return q;
    }

    public synchronized List<FileQuality> files() {
        return List.copyOf(files);
    }

    /** Problems over all files. */
    public synchronized long problems() {
        return files.stream().mapToLong(FileQuality::problems).sum();
    }

    /** The report as nested maps and lists, ready for a JSON writer. */
    public synchronized Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("problems", problems());
        m.put("files", files.stream().map(FileQuality::toMap).toList());
        return m;
    }

    /** A few lines for people: per file, rows and each problem's count and first example. */
    public synchronized String describe() {
        StringBuilder s = new StringBuilder();
        for (FileQuality f : files) {
            s.append(f.file)
                    .append(": ")
                    .append(f.rowsRead)
                    .append(" rows read, ")
                    .append(f.rowsKept)
                    .append(" kept (")
                    .append(f.policy)
                    .append(")");
            if (f.pricesNormalized > 0) {
                s.append(", ").append(f.pricesNormalized).append(" prices normalized onto the tick grid");
            }
            s.append('\n');
            f.counts.forEach((p, n) -> {
                Example e = f.examples.get(p).get(0);
                s.append("  ")
                        .append(p.label())
                        .append(": ")
                        .append(n)
                        .append(" (first: line ")
                        .append(e.line());
                if (e.field() != null) {
                    s.append(", ").append(e.field());
                }
                s.append(": ").append(e.message()).append(")\n");
            });
        }
        return s.toString();
    }
}
