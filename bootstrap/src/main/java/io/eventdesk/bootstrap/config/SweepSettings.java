package io.eventdesk.bootstrap.config;

import io.eventdesk.application.research.Constraint;
import io.eventdesk.application.research.Objective;
import io.eventdesk.application.research.ParameterSpace;
import io.eventdesk.application.research.StatisticFilter;
import io.eventdesk.application.research.SweepParameter;
import java.time.Period;
import java.util.List;

/**
 * A sweep as the config's {@code sweep} section and the command line set it.
 *
 * @param heatmap the two parameters the heat map of {@code sweep.html} is drawn over (empty: the first two)
 * @param keepBest how many of the best combinations to re-run with their full run folders (0: none)
 * @param walkForward the walk-forward windows, or null for one sweep over all the data
 * @param segments the length of the segments to run apart, or null
 */
public record SweepSettings(
        List<SweepParameter> parameters,
        ParameterSpace space,
        List<Constraint> constraints,
        Objective objective,
        List<StatisticFilter> filters,
        List<String> heatmap,
        int workers,
        int keepBest,
        WalkForward walkForward,
        Period segments) {

    /**
     * Optimize on {@code train}, run the best on the {@code test} that follows, move on by {@code step}.
     *
     * @param carry whether each test window starts with the equity the one before ended with (else the initial
     *     cash)
     */
    public record WalkForward(Period train, Period test, Period step, boolean carry) {}
}
