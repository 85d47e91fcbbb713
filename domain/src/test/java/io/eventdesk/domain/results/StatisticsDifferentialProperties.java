package io.eventdesk.domain.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;

/**
 * The statistics against a naive reference written from the formulas alone, on random equity curves: the same
 * numbers, whatever the curve.
 */
class StatisticsDifferentialProperties {
    private static final Instant START = Instant.parse("2020-01-01T00:00:00Z");

    @Property(tries = 300)
    void shouldAgreeWithTheNaiveReference_whenTheEquityCurveIsRandom(
            @ForAll @Size(min = 2, max = 120) List<@DoubleRange(min = -0.2, max = 0.25) Double> moves,
            @ForAll @DoubleRange(min = 0, max = 0.08) double riskFree) {
        List<PerformanceInput.SessionEquity> sessions = new ArrayList<>();
        double e = 1000;
        DrawdownTracker dd = new DrawdownTracker();
        dd.add(START, e);
        List<Double> curve = new ArrayList<>(List.of(e));
        for (int i = 0; i < moves.size(); i++) {
            e = e * (1 + moves.get(i));
            sessions.add(
                    new PerformanceInput.SessionEquity(LocalDate.of(2020, 1, 1).plusDays(i), e));
            dd.add(START.plus(Duration.ofDays(i + 1)), e);
            curve.add(e);
        }
        Instant end = START.plus(Duration.ofDays(moves.size()));
        PerformanceInput in = new PerformanceInput(
                1000,
                START,
                end,
                sessions,
                dd.maxDrawdown(),
                dd.maxDrawdownDuration(),
                dd.longestUnderwater(),
                List.of(),
                Duration.ZERO,
                0,
                0,
                0,
                null);
        Statistics st = Statistics.of(in, new StatisticsConventions(252.0, riskFree));

        // the naive reference
        int n = moves.size();
        double[] r = new double[n];
        double prev = 1000;
        for (int i = 0; i < n; i++) {
            r[i] = curve.get(i + 1) / prev - 1;
            prev = curve.get(i + 1);
        }
        double rf = Math.pow(1 + riskFree, 1.0 / 252) - 1;
        double sum = 0;
        for (double x : r) {
            sum += x;
        }
        double mean = sum / n;
        double ss = 0;
        for (double x : r) {
            ss += (x - mean) * (x - mean);
        }
        double sd = Math.sqrt(ss / (n - 1));
        double down = 0;
        for (double x : r) {
            down += Math.pow(Math.min(0, x - rf), 2);
        }
        double worstFall = 0;
        for (int i = 0; i < curve.size(); i++) {
            for (int j = i + 1; j < curve.size(); j++) {
                worstFall = Math.max(worstFall, (curve.get(i) - curve.get(j)) / curve.get(i));
            }
        }
        double[] sorted = r.clone();
        Arrays.sort(sorted);
        double p5 = naivePercentile(sorted, 5);

        assertClose(st.number("total_return"), curve.get(n) / 1000 - 1);
        assertClose(st.number("annual_volatility"), sd * Math.sqrt(252));
        if (sd > 0) {
            assertClose(st.number("sharpe"), (mean - rf) / sd * Math.sqrt(252));
        }
        if (down > 0) {
            assertClose(st.number("sortino"), (mean - rf) / Math.sqrt(down / n) * Math.sqrt(252));
        }
        assertClose(st.number("cagr"), Math.pow(curve.get(n) / 1000, 365.25 / n) - 1);
        assertClose(st.number("max_drawdown"), worstFall);
        assertClose(st.number("var_95"), -p5);
    }

    private static void assertClose(Double actual, double expected) {
        assertThat(actual).isNotNull();
        assertThat(actual).isCloseTo(expected, within(1e-9 * Math.max(1, Math.abs(expected))));
    }

    /** The percentile by the definition: the value at rank p/100 × (n − 1), interpolated. */
    private static double naivePercentile(double[] sorted, double p) {
        double rank = p / 100 * (sorted.length - 1);
        int below = (int) rank;
        if (below + 1 >= sorted.length) {
            return sorted[sorted.length - 1];
        }
        return sorted[below] * (1 - (rank - below)) + sorted[below + 1] * (rank - below);
    }
}
