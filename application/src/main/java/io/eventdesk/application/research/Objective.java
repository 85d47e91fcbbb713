package io.eventdesk.application.research;

import io.eventdesk.domain.results.Statistics;

/** What a sweep ranks by: one statistic, maximized or minimized ({@code sharpe}, {@code max:sharpe}, {@code min:max_drawdown}). */
public record Objective(String statistic, boolean maximize) {
    public Objective {
        requireStatistic(statistic);
    }

    /** @throws IllegalArgumentException naming the statistics there are */
    public static Objective parse(String text) {
        String t = text.trim();
        if (t.startsWith("min:")) {
            return new Objective(t.substring(4).trim(), false);
        }
        if (t.startsWith("max:")) {
            return new Objective(t.substring(4).trim(), true);
        }
        return new Objective(t, true);
    }

    static void requireStatistic(String name) {
        if (!Statistics.NUMBERS.contains(name)) {
            throw new IllegalArgumentException(
                    "'" + name + "' is not a statistic (one of: " + String.join(", ", Statistics.NUMBERS) + ")");
        }
    }

    /** Whether {@code a} is better than {@code b} (an undefined value is worse than any). */
    public boolean better(Double a, Double b) {
        if (a == null || a.isNaN()) {
            return false;
        }
        if (b == null || b.isNaN()) {
            return true;
        }
        return maximize ? a > b : a < b;
    }

    @Override
    public String toString() {
        return (maximize ? "max:" : "min:") + statistic;
    }
}
