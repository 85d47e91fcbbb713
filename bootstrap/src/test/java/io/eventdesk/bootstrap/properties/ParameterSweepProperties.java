package io.eventdesk.bootstrap.properties;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventdesk.application.research.Combination;
import io.eventdesk.application.research.Constraint;
import io.eventdesk.application.research.Objective;
import io.eventdesk.application.research.ParameterSpace;
import io.eventdesk.application.research.ParameterSweep;
import io.eventdesk.application.research.SweepOutcome;
import io.eventdesk.application.research.SweepParameter;
import io.eventdesk.domain.results.Statistics;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * The sweep's pure parts against naive references: a grid is the Cartesian product in nested-loop order, any
 * combination can be made alone from its index, random draws repeat with their seed and stay in bounds, and a
 * sweep's outcomes and ranking do not depend on the number of workers.
 */
class ParameterSweepProperties {
    private static List<SweepParameter> grid(List<Integer> sizes) {
        List<SweepParameter> params = new ArrayList<>();
        for (int p = 0; p < sizes.size(); p++) {
            List<Object> values = new ArrayList<>();
            for (int v = 0; v < sizes.get(p); v++) {
                values.add((long) (v * 10 + p));
            }
            params.add(new SweepParameter.Values("p" + p, values));
        }
        return params;
    }

    /** The product as nested loops would write it (the last parameter turning fastest). */
    private static List<Map<String, Object>> naiveProduct(List<SweepParameter> params) {
        List<Map<String, Object>> out = new ArrayList<>();
        out.add(new LinkedHashMap<>());
        for (SweepParameter p : params) {
            List<Map<String, Object>> next = new ArrayList<>();
            for (Map<String, Object> partial : out) {
                for (Object v : p.values()) {
                    Map<String, Object> m = new LinkedHashMap<>(partial);
                    m.put(p.path(), v);
                    next.add(m);
                }
            }
            out = next;
        }
        return out;
    }

    @Property(tries = 200)
    void shouldEnumerateTheCartesianProductInNestedLoopOrder_whenTheSpaceIsAGrid(
            @ForAll @Size(min = 1, max = 4) List<@IntRange(min = 1, max = 5) Integer> sizes, @ForAll long seed) {
        List<SweepParameter> params = grid(sizes);
        ParameterSpace space = ParameterSpace.grid(params, seed);
        List<Map<String, Object>> got = new ArrayList<>();
        int i = 0;
        for (Combination c : space) {
            assertThat(c.index()).isEqualTo(i);
            assertThat(space.at(i)).isEqualTo(c);
            assertThat(c.seed()).isEqualTo(Combination.seedOf(seed, c.values()));
            got.add(c.values());
            i++;
        }
        assertThat(got).isEqualTo(naiveProduct(params));
        assertThat(space.size()).isEqualTo(got.size());
    }

    @Property(tries = 100)
    void shouldDrawTheSameCombinationsInBounds_whenARandomSearchRepeatsItsSeed(
            @ForAll long seed, @ForAll @IntRange(min = 1, max = 50) int samples) {
        List<SweepParameter> params = List.of(
                new SweepParameter.Distribution("a", SweepParameter.Distribution.Kind.INT_UNIFORM, 3, 9),
                new SweepParameter.Distribution("b", SweepParameter.Distribution.Kind.LOG_UNIFORM, 0.01, 100),
                new SweepParameter.Range("c", new BigDecimal("0.5"), new BigDecimal("2.5"), new BigDecimal("0.5")));
        List<Combination> first = new ArrayList<>();
        ParameterSpace.random(params, samples, seed).forEach(first::add);
        List<Combination> again = new ArrayList<>();
        ParameterSpace.random(params, samples, seed).forEach(again::add);
        assertThat(again).isEqualTo(first);
        for (Combination c : first) {
            long a = (Long) c.values().get("a");
            BigDecimal b = (BigDecimal) c.values().get("b");
            assertThat(a).isBetween(3L, 9L);
            assertThat(b.doubleValue()).isBetween(0.01, 100.0);
            assertThat(List.of("0.5", "1", "1.5", "2", "2.5"))
                    .contains(Combination.text(c.values().get("c")));
        }
    }

    @Test
    void shouldHoldExactDecimals_whenARangeStepsByATenth() {
        SweepParameter r =
                new SweepParameter.Range("x", new BigDecimal("0.1"), new BigDecimal("1.0"), new BigDecimal("0.1"));
        assertThat(r.values().stream().map(Combination::text).toList())
                .containsExactly("0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7", "0.8", "0.9", "1");
    }

    /** A stand-in for a backtest: a statistic computed from the values alone (the sweep's parts, not the engine). */
    private static Statistics figures(Combination c) {
        long a = (Long) c.values().get("p0");
        long b = c.values().containsKey("p1") ? (Long) c.values().get("p1") : 0;
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("sharpe", (double) ((a * 7 + b * 3) % 11));
        v.put("round_trips", (long) (a + b));
        return new Statistics(v, Map.of());
    }

    @Property(tries = 60)
    void shouldGiveTheSameOutcomesAndRanking_whateverTheNumberOfWorkers(
            @ForAll @Size(min = 1, max = 3) List<@IntRange(min = 1, max = 6) Integer> sizes,
            @ForAll @IntRange(min = 1, max = 4) int workers) {
        List<SweepParameter> params = grid(sizes);
        ParameterSpace space = ParameterSpace.grid(params, 1);
        List<Constraint> constraints = params.size() > 1 ? List.of(Constraint.parse("p0 <= p1", params)) : List.of();
        Objective objective = Objective.parse("max:sharpe");
        List<io.eventdesk.application.research.StatisticFilter> filters =
                List.of(io.eventdesk.application.research.StatisticFilter.parse("round_trips >= 1"));
        List<SweepOutcome> one = new ArrayList<>();
        ParameterSweep.Result r1 = ParameterSweep.run(
                new ParameterSweep.Spec(space, constraints, objective, filters, 1, 3),
                ParameterSweepProperties::figures,
                one::add,
                (d, t) -> {});
        List<SweepOutcome> many = new ArrayList<>();
        ParameterSweep.Result rn = ParameterSweep.run(
                new ParameterSweep.Spec(space, constraints, objective, filters, workers, 3),
                ParameterSweepProperties::figures,
                many::add,
                (d, t) -> {});
        assertThat(many.stream().map(o -> o.combination().index()).toList())
                .isEqualTo(java.util.stream.IntStream.range(0, (int) space.size())
                        .boxed()
                        .toList());
        assertThat(many.stream().map(o -> o.status() + o.reason()).toList())
                .isEqualTo(one.stream().map(o -> o.status() + o.reason()).toList());
        assertThat(rn.best()).isEqualTo(r1.best());
        assertThat(rn.counts()).isEqualTo(r1.counts());
        // the naive ranking: every ranked outcome by objective (higher first), ties by the lower index
        List<SweepOutcome> naive = one.stream()
                .filter(o -> o.status() == SweepOutcome.Status.OK)
                .sorted(Comparator.comparing((SweepOutcome o) -> -o.statistics().number("sharpe"))
                        .thenComparing(o -> o.combination().index()))
                .limit(3)
                .toList();
        assertThat(r1.best()).isEqualTo(naive);
    }
}
