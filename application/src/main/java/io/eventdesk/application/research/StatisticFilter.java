package io.eventdesk.application.research;

import io.eventdesk.domain.results.Statistics;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A condition a combination's results must meet to rank ({@code round_trips >= 30}, {@code max_drawdown < 0.3}). */
public record StatisticFilter(String text, String statistic, String op, double value) {
    private static final Pattern FORM =
            Pattern.compile("\\s*([a-z0-9_]+)\\s*(<=|>=|==|!=|<|>)\\s*(-?[0-9.eE+\\-]+)\\s*");

    /** @throws IllegalArgumentException naming what is wrong */
    public static StatisticFilter parse(String text) {
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "expected 'statistic OP number' (OP one of < <= > >= == !=), got '" + text + "'");
        }
        Objective.requireStatistic(m.group(1));
        double v;
        try {
            v = Double.parseDouble(m.group(3));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a number after " + m.group(2) + ", got '" + m.group(3) + "'");
        }
        return new StatisticFilter(text.trim(), m.group(1), m.group(2), v);
    }

    /** Why {@code s} fails this filter, or empty when it passes. */
    public Optional<String> failedBy(Statistics s) {
        Double x = s.number(statistic);
        if (x == null || x.isNaN()) {
            return Optional.of("filter " + text + ": " + statistic + " is undefined");
        }
        boolean ok = switch (op) {
            case "<" -> x < value;
            case "<=" -> x <= value;
            case ">" -> x > value;
            case ">=" -> x >= value;
            case "==" -> x == value;
            default -> x != value;
        };
        return ok ? Optional.empty() : Optional.of("filter " + text + " is false (" + statistic + " " + x + ")");
    }
}
