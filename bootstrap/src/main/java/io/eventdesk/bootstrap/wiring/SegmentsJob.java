package io.eventdesk.bootstrap.wiring;

import io.eventdesk.adapters.persistence.ResearchFiles;
import io.eventdesk.domain.results.Statistics;
import java.nio.file.Path;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Segments: the data split into spans of one period from its first day (the last one shorter), the config run on
 * each apart (each from the config's cash), then finalized into one summary: {@code segments.csv} (one row per
 * segment with its statistics) and {@code segments.json} (each statistic's distribution over the segments).
 */
public final class SegmentsJob {
    public static final String CSV = "segments.csv";
    public static final String JSON = "segments.json";

    private SegmentsJob() {}

    public record Segment(int index, Instant from, Instant to) implements java.io.Serializable {}

    public record Report(int segments, int ran, int failed) {}

    public static List<Segment> segments(Period length, Instant dataStart, Instant dataEnd) {
        ZonedDateTime start = dataStart.atZone(ZoneOffset.UTC).toLocalDate().atStartOfDay(ZoneOffset.UTC);
        List<Segment> out = new ArrayList<>();
        for (int k = 0; start.plus(length.multipliedBy(k)).toInstant().isBefore(dataEnd); k++) {
            Instant from = start.plus(length.multipliedBy(k)).toInstant();
            Instant to = start.plus(length.multipliedBy(k + 1)).toInstant();
            out.add(new Segment(k, from, to.isAfter(dataEnd) ? dataEnd.plusNanos(1) : to));
        }
        return out;
    }

    /** One segment's run: its numeric statistics by name, or why it failed. */
    public record Ran(Segment segment, Map<String, Double> statistics, String failure) {}

    /** Runs segments (here, or on a cluster), giving their runs in segment order. */
    @FunctionalInterface
    public interface SegmentRunner {
        List<Ran> run(List<Segment> segments);
    }

    /** One segment run here: the config as it is, from its cash, on the segment's data. */
    public static Ran runOne(ResearchRunner runner, Segment s) {
        try {
            Statistics st = runner.run(Map.of(), runner.base().seed(), s.from(), s.to(), null)
                    .statistics();
            Map<String, Double> numbers = new LinkedHashMap<>();
            for (String n : Statistics.NUMBERS) {
                numbers.put(n, st.number(n));
            }
            return new Ran(s, numbers, null);
        } catch (RuntimeException e) {
            return new Ran(s, null, String.valueOf(e.getMessage()));
        }
    }

    /** Segments here, on {@code workers} threads. */
    public static Report run(ResearchRunner runner, Period length, Path out, int workers) {
        return run(runner, length, out, segments -> {
            ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, workers));
            try {
                List<Future<Ran>> futures = new ArrayList<>();
                for (Segment s : segments) {
                    futures.add(pool.submit(() -> runOne(runner, s)));
                }
                List<Ran> out2 = new ArrayList<>();
                for (Future<Ran> f : futures) {
                    out2.add(take(f));
                }
                return out2;
            } finally {
                pool.shutdownNow();
            }
        });
    }

    public static Report run(ResearchRunner runner, Period length, Path out, SegmentRunner segmentRunner) {
        List<Segment> segments = segments(length, runner.dataStart(), runner.dataEnd());
        List<String> header = new ArrayList<>(List.of("segment", "from", "to", "status", "reason"));
        header.addAll(Statistics.NUMBERS);
        Map<String, List<Double>> values = new LinkedHashMap<>();
        Statistics.NUMBERS.forEach(n -> values.put(n, new ArrayList<>()));
        int ran = 0;
        int failed = 0;
        try (ResearchFiles.Table csv = ResearchFiles.table(out.resolve(CSV), header)) {
            for (Ran r : segmentRunner.run(segments)) {
                List<Object> row = new ArrayList<>(Arrays.asList(
                        r.segment().index(),
                        r.segment().from(),
                        r.segment().to(),
                        r.failure() == null ? "OK" : "FAILED",
                        r.failure() == null ? "" : r.failure()));
                for (String n : Statistics.NUMBERS) {
                    Double v = r.statistics() == null ? null : r.statistics().get(n);
                    row.add(v);
                    if (v != null && !v.isNaN()) {
                        values.get(n).add(v);
                    }
                }
                csv.row(row);
                if (r.failure() == null) {
                    ran++;
                } else {
                    failed++;
                }
            }
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("config", runner.file().toAbsolutePath().normalize().toString());
        json.put("segment", length.toString());
        json.put("segments", segments.size());
        json.put("ran", ran);
        json.put("failed", failed);
        Map<String, Object> distributions = new LinkedHashMap<>();
        values.forEach((n, v) -> distributions.put(n, distribution(v)));
        json.put("distributions", distributions);
        ResearchFiles.json(out.resolve(JSON), json);
        return new Report(segments.size(), ran, failed);
    }

    /** count, mean, sample standard deviation, min, quartiles, max (of the segments where it is defined). */
    static Map<String, Object> distribution(List<Double> v) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("count", v.size());
        if (v.isEmpty()) {
            return d;
        }
        double[] x = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double mean = Arrays.stream(x).average().orElse(Double.NaN);
        double var = 0;
        for (double a : x) {
            var += (a - mean) * (a - mean);
        }
        d.put("mean", mean);
        d.put("std", x.length > 1 ? Math.sqrt(var / (x.length - 1)) : null);
        d.put("min", x[0]);
        d.put("p25", quantile(x, 0.25));
        d.put("median", quantile(x, 0.5));
        d.put("p75", quantile(x, 0.75));
        d.put("max", x[x.length - 1]);
        return d;
    }

    private static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = (int) Math.ceil(pos);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
    }

    private static <T> T take(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}
