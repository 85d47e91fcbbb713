package io.eventdesk.bootstrap.wiring;

import io.eventdesk.adapters.persistence.ResearchFiles;
import io.eventdesk.application.research.Combination;
import io.eventdesk.application.research.ParameterSweep;
import io.eventdesk.bootstrap.config.SweepSettings;
import io.eventdesk.domain.error.BadInputException;
import io.eventdesk.domain.results.PerformanceInput;
import io.eventdesk.domain.results.RunResults;
import io.eventdesk.domain.results.Statistics;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Walk-forward: for each window, the sweep runs on its train span and its best combination on the test span after
 * it; the test spans' equity curves are joined into one out-of-sample curve with its statistics, and each window's
 * in-sample objective is set against its out-of-sample one (how much of the optimum was fitting the noise). With
 * {@code state=carry} each test span starts with the equity the one before ended with (positions closed at its
 * end's marks: each span is a run of its own); with {@code state=reset} each starts with the config's cash and the
 * joined curve chains their returns.
 */
public final class WalkForwardJob {
    public static final String CSV = "walk-forward.csv";
    public static final String JSON = "walk-forward.json";
    public static final String EQUITY = "walk-forward-equity.csv";

    private WalkForwardJob() {}

    /** A train span and the test span after it. */
    public record Window(int index, Instant trainFrom, Instant trainTo, Instant testTo)
            implements java.io.Serializable {}

    /**
     * @param outOfSample the objective over the joined out-of-sample curve
     * @param inSampleMean the mean of the windows' in-sample best objective
     */
    public record Report(int windows, Double outOfSample, Double inSampleMean, Statistics statistics) {}

    /** The windows that fit in the data (train from its first day, moved on by step until a test span would end past it). */
    public static List<Window> windows(SweepSettings.WalkForward wf, Instant dataStart, Instant dataEnd) {
        ZonedDateTime start = dataStart.atZone(ZoneOffset.UTC).toLocalDate().atStartOfDay(ZoneOffset.UTC);
        List<Window> out = new ArrayList<>();
        for (int k = 0; k < 10_000; k++) {
            ZonedDateTime trainFrom = start.plus(wf.step().multipliedBy(k));
            ZonedDateTime trainTo = trainFrom.plus(wf.train());
            ZonedDateTime testTo = trainTo.plus(wf.test());
            if (testTo.toInstant().isAfter(dataEnd)) {
                break;
            }
            out.add(new Window(k, trainFrom.toInstant(), trainTo.toInstant(), testTo.toInstant()));
        }
        if (out.isEmpty()) {
            throw new BadInputException(
                    "--walk-forward",
                    0,
                    null,
                    "the windows are longer than the data: train "
                            + wf.train() + " and test " + wf.test() + " from " + start.toLocalDate() + " need data to "
                            + start.plus(wf.train()).plus(wf.test()).toLocalDate() + ", the data ends at " + dataEnd);
        }
        return out;
    }

    /**
     * The best combination of a window's train span, and its in-sample objective; {@code best} null when no
     * combination ranked there.
     */
    public record Trained(Combination best, Double inSample) {}

    /**
     * Runs the sweep on every window's train span and writes each window's {@code sweep.csv} to the file
     * {@code csvOf} gives: here on the sweep's workers, or on a cluster.
     */
    @FunctionalInterface
    public interface Trainer {
        List<Trained> train(List<Window> windows, java.util.function.Function<Window, Path> csvOf);
    }

    /** The folder of one window's train sweep. */
    public static Path windowFolder(Path out, Window w) {
        return out.resolve("windows").resolve(String.format("%03d", w.index()));
    }

    /** Walk-forward here: each window's train sweep on the sweep's workers. */
    public static Report run(
            ResearchRunner runner, SweepSettings s, Path out, SweepProgress progress, ClassLoader plugins) {
        SweepJob.checkPaths(runner, s, plugins);
        return run(runner, s, out, (windows, csvOf) -> {
            List<Trained> trained = new ArrayList<>();
            for (Window w : windows) {
                ParameterSweep.Spec spec =
                        new ParameterSweep.Spec(s.space(), s.constraints(), s.objective(), s.filters(), s.workers(), 1);
                try (ResearchFiles.Table sweep =
                        ResearchFiles.table(csvOf.apply(w), SweepRows.header(s.parameters()))) {
                    ParameterSweep.Result r = ParameterSweep.run(
                            spec,
                            c -> runner.run(c.values(), c.seed(), w.trainFrom(), w.trainTo(), null)
                                    .statistics(),
                            o -> sweep.row(SweepRows.row(o)),
                            progress::done);
                    trained.add(r.first()
                            .map(b -> new Trained(b.combination(), b.objective(s.objective())))
                            .orElse(new Trained(null, null)));
                }
            }
            progress.finished();
            return trained;
        });
    }

    /** Walk-forward with the train sweeps run by {@code trainer}; the test spans run here, one after the other. */
    public static Report run(ResearchRunner runner, SweepSettings s, Path out, Trainer trainer) {
        List<Window> windows = windows(s.walkForward(), runner.dataStart(), runner.dataEnd());
        List<Trained> trainedAll =
                trainer.train(windows, w -> windowFolder(out, w).resolve(SweepJob.CSV));
        List<String> header =
                new ArrayList<>(List.of("window", "train_from", "train_to", "test_from", "test_to", "best_index"));
        s.parameters().forEach(p -> header.add(p.path()));
        header.addAll(List.of(
                "in_sample_" + s.objective().statistic(),
                "out_of_sample_" + s.objective().statistic(),
                "test_initial_equity",
                "test_total_return",
                "test_max_drawdown",
                "test_round_trips",
                "reason"));
        List<PerformanceInput> tests = new ArrayList<>();
        List<Double> inSample = new ArrayList<>();
        List<Map<String, Object>> report = new ArrayList<>();
        BigDecimal carried = null;
        try (ResearchFiles.Table csv = ResearchFiles.table(out.resolve(CSV), header)) {
            for (Window w : windows) {
                Trained trained = trainedAll.get(w.index());
                List<Object> row =
                        new ArrayList<>(List.of(w.index(), w.trainFrom(), w.trainTo(), w.trainTo(), w.testTo()));
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("window", w.index());
                entry.put("train", List.of(w.trainFrom().toString(), w.trainTo().toString()));
                entry.put("test", List.of(w.trainTo().toString(), w.testTo().toString()));
                if (trained.best() == null) {
                    row.add(null);
                    s.parameters().forEach(p -> row.add(null));
                    row.addAll(java.util.Arrays.asList(
                            null, null, null, null, null, null, "no combination ranked on the train span"));
                    csv.row(row);
                    entry.put("reason", "no combination ranked on the train span");
                    report.add(entry);
                    continue;
                }
                Combination c = trained.best();
                BigDecimal cash = s.walkForward().carry() ? carried : null;
                RunResults test = runner.run(c.values(), c.seed(), w.trainTo(), w.testTo(), cash);
                Statistics ts = test.statistics();
                PerformanceInput in = test.input();
                tests.add(in);
                carried = BigDecimal.valueOf(finalEquity(in)).setScale(8, java.math.RoundingMode.HALF_EVEN);
                Double is = trained.inSample();
                inSample.add(is);
                row.add(c.index());
                c.values().values().forEach(v -> row.add(v instanceof String ? v : Combination.text(v)));
                row.addAll(java.util.Arrays.asList(
                        is,
                        ts.number(s.objective().statistic()),
                        in.initialEquity(),
                        ts.number("total_return"),
                        ts.number("max_drawdown"),
                        ts.number("round_trips"),
                        ""));
                csv.row(row);
                entry.put("best", c.values());
                entry.put("in_sample", is);
                entry.put("out_of_sample", ts.number(s.objective().statistic()));
                entry.put("test_statistics", ts.values());
                report.add(entry);
            }
        }
        Statistics joined = tests.isEmpty()
                ? null
                : Statistics.of(join(tests), runner.base().statistics());
        Double oos = joined == null ? null : joined.number(s.objective().statistic());
        Double isMean = inSample.stream()
                        .filter(v -> v != null && !v.isNaN())
                        .mapToDouble(Double::doubleValue)
                        .average()
                        .isPresent()
                ? inSample.stream()
                        .filter(v -> v != null && !v.isNaN())
                        .mapToDouble(Double::doubleValue)
                        .average()
                        .getAsDouble()
                : null;
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("config", runner.file().toAbsolutePath().normalize().toString());
        json.put("train", s.walkForward().train().toString());
        json.put("test", s.walkForward().test().toString());
        json.put("step", s.walkForward().step().toString());
        json.put("state", s.walkForward().carry() ? "carry" : "reset");
        json.put("objective", s.objective().toString());
        json.put("in_sample_mean", isMean);
        json.put("out_of_sample", oos);
        json.put("out_of_sample_statistics", joined == null ? null : joined.values());
        json.put("windows", report);
        ResearchFiles.json(out.resolve(JSON), json);
        if (!tests.isEmpty()) {
            try (ResearchFiles.Table eq = ResearchFiles.table(out.resolve(EQUITY), List.of("session", "equity"))) {
                PerformanceInput j = join(tests);
                for (PerformanceInput.SessionEquity e : j.sessions()) {
                    eq.row(List.of(e.session(), e.equity()));
                }
            }
        }
        return new Report(windows.size(), oos, isMean, joined);
    }

    private static double finalEquity(PerformanceInput in) {
        return in.sessions().isEmpty()
                ? in.initialEquity()
                : in.sessions().get(in.sessions().size() - 1).equity();
    }

    /**
     * The test spans as one curve: each span's equity scaled so it starts where the one before ended (with carried
     * state the factor is 1), its trips, exposure and costs added; the drawdowns measured again on the joined curve,
     * session by session.
     */
    static PerformanceInput join(List<PerformanceInput> spans) {
        double initial = spans.get(0).initialEquity();
        double level = initial;
        List<PerformanceInput.SessionEquity> sessions = new ArrayList<>();
        List<PerformanceInput.TripFigures> trips = new ArrayList<>();
        Duration exposed = Duration.ZERO;
        double notional = 0;
        double fees = 0;
        double gross = 0;
        List<String> excluded = new ArrayList<>();
        for (PerformanceInput p : spans) {
            double factor = level / p.initialEquity();
            for (PerformanceInput.SessionEquity e : p.sessions()) {
                sessions.add(new PerformanceInput.SessionEquity(e.session(), e.equity() * factor));
            }
            level = sessions.isEmpty()
                    ? level
                    : sessions.get(sessions.size() - 1).equity();
            trips.addAll(p.trips());
            exposed = exposed.plus(p.exposed());
            notional += p.tradedNotional() * factor;
            fees += p.fees() * factor;
            gross += p.grossPnl() * factor;
            if (p.excludedTrips() != null) {
                excluded.add(p.excludedTrips());
            }
        }
        double peak = initial;
        LocalDate peakDate = sessions.isEmpty() ? null : sessions.get(0).session();
        double maxDd = 0;
        double maxDdPeak = initial;
        LocalDate maxDdPeakDate = null;
        LocalDate underSince = null;
        Duration underwater = Duration.ZERO;
        for (PerformanceInput.SessionEquity e : sessions) {
            if (e.equity() >= peak) {
                if (underSince != null) {
                    underwater = longer(underwater, days(underSince, e.session()));
                    underSince = null;
                }
                peak = e.equity();
                peakDate = e.session();
            } else {
                if (underSince == null) {
                    underSince = peakDate;
                }
                double dd = (peak - e.equity()) / peak;
                if (dd > maxDd) {
                    maxDd = dd;
                    maxDdPeak = peak;
                    maxDdPeakDate = peakDate;
                }
            }
        }
        LocalDate lastDate =
                sessions.isEmpty() ? null : sessions.get(sessions.size() - 1).session();
        if (underSince != null) {
            underwater = longer(underwater, days(underSince, lastDate));
        }
        Duration maxDdDuration = Duration.ZERO;
        if (maxDdPeakDate != null) {
            LocalDate recovered = lastDate;
            for (PerformanceInput.SessionEquity e : sessions) {
                if (e.session().isAfter(maxDdPeakDate) && e.equity() >= maxDdPeak) {
                    recovered = e.session();
                    break;
                }
            }
            maxDdDuration = days(maxDdPeakDate, recovered);
        }
        PerformanceInput last = spans.get(spans.size() - 1);
        return new PerformanceInput(
                initial,
                spans.get(0).start(),
                last.end(),
                sessions,
                maxDd,
                maxDdDuration,
                underwater,
                trips,
                exposed,
                notional,
                fees,
                gross,
                excluded.isEmpty() ? null : String.join("; ", excluded));
    }

    private static Duration days(LocalDate from, LocalDate to) {
        return Duration.ofDays(java.time.temporal.ChronoUnit.DAYS.between(from, to));
    }

    private static Duration longer(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
