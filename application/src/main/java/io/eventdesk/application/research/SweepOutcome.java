package io.eventdesk.application.research;

import io.eventdesk.domain.results.Statistics;

/**
 * What became of one combination: run and ranked ({@code OK}), run but kept out of the ranking by a filter
 * ({@code FILTERED}), not run because it breaks a constraint ({@code SKIPPED}), or run and failed ({@code FAILED},
 * a bad parameter value for that strategy, say); with the reason and, when it ran, its statistics.
 */
public record SweepOutcome(Combination combination, Status status, String reason, Statistics statistics) {
    public enum Status {
        OK,
        FILTERED,
        SKIPPED,
        FAILED
    }

    /** The objective's value, or null when the combination is not ranked. */
    public Double objective(Objective objective) {
        return status == Status.OK ? statistics.number(objective.statistic()) : null;
    }
}
