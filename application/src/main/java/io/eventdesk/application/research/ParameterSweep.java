package io.eventdesk.application.research;

import io.eventdesk.domain.results.Statistics;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Runs a sweep: each combination of the space that meets the constraints is handed to the evaluator (on
 * {@code workers} threads), its statistics checked against the filters and ranked by the objective. Outcomes reach
 * the sink in combination order, whatever the order they finished in, and at most a few per worker wait at a time:
 * memory does not grow with the number of combinations. Results do not depend on the number of workers (each
 * combination's seed derives from the sweep's seed and its values).
 */
public final class ParameterSweep {
    /** Runs one combination and gives its statistics; a failure (any runtime exception) is recorded with its message. */
    @FunctionalInterface
    public interface Evaluator {
        Statistics run(Combination combination);
    }

    /** Told after each outcome reached the sink. */
    @FunctionalInterface
    public interface Progress {
        void done(long done, long total);
    }

    /**
     * @param keep how many of the best combinations to remember (for {@code --keep-runs best:N}); at least 1
     */
    public record Spec(
            ParameterSpace space,
            List<Constraint> constraints,
            Objective objective,
            List<StatisticFilter> filters,
            int workers,
            int keep) {
        public Spec {
            constraints = List.copyOf(constraints);
            filters = List.copyOf(filters);
            if (workers < 1) {
                throw new IllegalArgumentException("workers must be at least 1, got " + workers);
            }
            keep = Math.max(1, keep);
        }
    }

    /** The sweep's end: the best outcomes, best first (ties by index), and how many ended each way. */
    public record Result(List<SweepOutcome> best, Map<SweepOutcome.Status, Long> counts) {
        public Optional<SweepOutcome> first() {
            return best.isEmpty() ? Optional.empty() : Optional.of(best.get(0));
        }
    }

    private ParameterSweep() {}

    public static Result run(Spec spec, Evaluator evaluator, Consumer<SweepOutcome> sink, Progress progress) {
        Comparator<SweepOutcome> ranking = ranking(spec.objective());
        PriorityQueue<SweepOutcome> best = new PriorityQueue<>(ranking.reversed()); // worst kept on top
        Map<SweepOutcome.Status, Long> counts = new EnumMap<>(SweepOutcome.Status.class);
        for (SweepOutcome.Status s : SweepOutcome.Status.values()) {
            counts.put(s, 0L);
        }
        long total = spec.space().size();
        long done = 0;
        ExecutorService pool = Executors.newFixedThreadPool(spec.workers(), r -> {
            Thread t = new Thread(r, "eventdesk-sweep");
            t.setDaemon(true);
            return t;
        });
        try {
            ArrayDeque<Future<SweepOutcome>> inFlight = new ArrayDeque<>();
            Iterator<Combination> combinations = spec.space().iterator();
            int window = spec.workers() * 4;
            while (combinations.hasNext() || !inFlight.isEmpty()) {
                while (combinations.hasNext() && inFlight.size() < window) {
                    Combination c = combinations.next();
                    inFlight.add(pool.submit(() -> outcome(spec, evaluator, c)));
                }
                SweepOutcome o = take(inFlight.poll());
                counts.merge(o.status(), 1L, Long::sum);
                if (o.status() == SweepOutcome.Status.OK) {
                    best.add(o);
                    if (best.size() > spec.keep()) {
                        best.poll();
                    }
                }
                sink.accept(o);
                progress.done(++done, total);
            }
        } finally {
            pool.shutdownNow();
        }
        List<SweepOutcome> ranked = new ArrayList<>(best);
        ranked.sort(ranking);
        return new Result(List.copyOf(ranked), counts);
    }

    /** Best first: the objective's better value, then the lower index. */
    static Comparator<SweepOutcome> ranking(Objective objective) {
        return (a, b) -> {
            Double x = a.objective(objective);
            Double y = b.objective(objective);
            if (objective.better(x, y)) {
                return -1;
            }
            if (objective.better(y, x)) {
                return 1;
            }
            return Integer.compare(a.combination().index(), b.combination().index());
        };
    }

    private static SweepOutcome take(Future<SweepOutcome> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the sweep was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** One combination's outcome: skipped by a constraint, failed, filtered or ranked. */
    public static SweepOutcome outcome(Spec spec, Evaluator evaluator, Combination c) {
        for (Constraint k : spec.constraints()) {
            Optional<String> broken = k.brokenBy(c.values());
            if (broken.isPresent()) {
                return new SweepOutcome(c, SweepOutcome.Status.SKIPPED, broken.get(), null);
            }
        }
        Statistics s;
        try {
            s = evaluator.run(c);
        } catch (RuntimeException e) {
            return new SweepOutcome(c, SweepOutcome.Status.FAILED, String.valueOf(e.getMessage()), null);
        }
        for (StatisticFilter f : spec.filters()) {
            Optional<String> failed = f.failedBy(s);
            if (failed.isPresent()) {
                return new SweepOutcome(c, SweepOutcome.Status.FILTERED, failed.get(), s);
            }
        }
        Double v = s.number(spec.objective().statistic());
        if (v == null || v.isNaN()) {
            String why = s.undefined().get(spec.objective().statistic());
            return new SweepOutcome(
                    c,
                    SweepOutcome.Status.FILTERED,
                    "the objective " + spec.objective().statistic() + " is undefined" + (why == null ? "" : ": " + why),
                    s);
        }
        return new SweepOutcome(c, SweepOutcome.Status.OK, "", s);
    }
}
