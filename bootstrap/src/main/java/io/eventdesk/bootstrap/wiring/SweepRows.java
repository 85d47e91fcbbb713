package io.eventdesk.bootstrap.wiring;

import io.eventdesk.application.research.Combination;
import io.eventdesk.application.research.SweepOutcome;
import io.eventdesk.application.research.SweepParameter;
import io.eventdesk.domain.results.Statistics;
import java.util.ArrayList;
import java.util.List;

/**
 * The columns of {@code sweep.csv}, the same wherever the sweep ran (here or on a cluster): the combination's index,
 * each parameter by its path, its seed, status and reason, then every statistic that is a number.
 */
public final class SweepRows {
    private SweepRows() {}

    public static List<String> header(List<SweepParameter> parameters) {
        List<String> h = new ArrayList<>();
        h.add("index");
        parameters.forEach(p -> h.add(p.path()));
        h.add("seed");
        h.add("status");
        h.add("reason");
        h.addAll(Statistics.NUMBERS);
        return h;
    }

    public static List<Object> row(SweepOutcome o) {
        Combination c = o.combination();
        List<Object> r = new ArrayList<>();
        r.add(c.index());
        c.values().values().forEach(v -> r.add(v instanceof String ? v : Combination.text(v)));
        r.add(c.seed());
        r.add(o.status().name());
        r.add(o.reason());
        for (String s : Statistics.NUMBERS) {
            r.add(o.statistics() == null ? null : o.statistics().number(s));
        }
        return r;
    }
}
