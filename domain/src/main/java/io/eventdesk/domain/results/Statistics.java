package io.eventdesk.domain.results;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's statistics, each a number (or a date, a duration, a count) or, when it is undefined, null with the reason
 * in {@link #undefined()}: never Infinity or NaN. Computed by {@link #of} from a {@link PerformanceInput} under
 * stated {@link StatisticsConventions}; the formulas are those of docs/results.md.
 */
public record Statistics(Map<String, Object> values, Map<String, String> undefined) {
    /** The statistics that are numbers (the others are dates and durations): what a sweep may rank or filter by. */
    public static final java.util.List<String> NUMBERS = java.util.List.of(
            "sessions",
            "periods_per_year",
            "risk_free_rate",
            "total_return",
            "cagr",
            "annual_volatility",
            "sharpe",
            "sortino",
            "max_drawdown",
            "calmar",
            "round_trips",
            "win_rate",
            "average_win",
            "average_loss",
            "payoff_ratio",
            "profit_factor",
            "expectancy",
            "largest_win",
            "largest_loss",
            "max_consecutive_wins",
            "max_consecutive_losses",
            "exposure_time",
            "turnover",
            "fees_share_of_gross_pnl",
            "tail_ratio",
            "var_95",
            "cvar_95",
            "best_session_return",
            "worst_session_return");

    private static final double DAYS_PER_YEAR = 365.25;

    public Statistics {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        undefined = Collections.unmodifiableMap(new LinkedHashMap<>(undefined));
    }

    /** A value, or null when undefined. */
    public Object get(String name) {
        return values.get(name);
    }

    /** A number, or null. */
    public Double number(String name) {
        Object v = values.get(name);
        return v instanceof Number n ? n.doubleValue() : null;
    }

    public static Statistics of(PerformanceInput in, StatisticsConventions conventions) {
        Builder b = new Builder();
        double days = Duration.between(in.start(), in.end()).toMillis() / 86_400_000.0;
        int n = in.sessions().size();
        double[] returns = new double[n];
        double previous = in.initialEquity();
        for (int i = 0; i < n; i++) {
            double e = in.sessions().get(i).equity();
            returns[i] = previous != 0 ? e / previous - 1 : 0;
            previous = e;
        }
        double finalEquity =
                n == 0 ? in.initialEquity() : in.sessions().get(n - 1).equity();

        // conventions
        Double periods = conventions.periodsPerYear();
        if (periods == null) {
            if (n > 0 && days > 0) {
                periods = n / days * DAYS_PER_YEAR;
            }
        }
        b.put("sessions", (long) n);
        b.putOrReason("periods_per_year", periods, "no session with market data");
        b.put("risk_free_rate", conventions.riskFreeRate());
        double rf = periods == null ? 0 : Math.pow(1 + conventions.riskFreeRate(), 1 / periods) - 1;

        // returns
        b.putOrReason(
                "total_return",
                in.initialEquity() > 0 ? finalEquity / in.initialEquity() - 1 : null,
                "the initial equity is not positive");
        Double cagr = null;
        String cagrWhy = null;
        if (in.initialEquity() <= 0 || finalEquity <= 0) {
            cagrWhy = "the initial or final equity is not positive";
        } else if (days <= 0) {
            cagrWhy = "the run spans no time";
        } else {
            cagr = Math.pow(finalEquity / in.initialEquity(), DAYS_PER_YEAR / days) - 1;
        }
        b.putOrReason("cagr", cagr, cagrWhy);
        String fewSessions = "fewer than two sessions";
        Double vol = null;
        Double sharpe = null;
        Double sortino = null;
        String sharpeWhy = fewSessions;
        String sortinoWhy = fewSessions;
        if (n >= 2 && periods != null) {
            double mean = mean(returns);
            double sd = sampleStd(returns);
            vol = sd * Math.sqrt(periods);
            double excess = mean - rf;
            if (sd > 0) {
                sharpe = excess / sd * Math.sqrt(periods);
            } else {
                sharpeWhy = "zero volatility";
            }
            double down = 0;
            for (double r : returns) {
                double d = Math.min(r - rf, 0);
                down += d * d;
            }
            double downside = Math.sqrt(down / n);
            if (downside > 0) {
                sortino = excess / downside * Math.sqrt(periods);
            } else {
                sortinoWhy = "no session below the risk-free rate";
            }
        }
        b.putOrReason("annual_volatility", vol, fewSessions);
        b.putOrReason("sharpe", sharpe, sharpeWhy);
        b.putOrReason("sortino", sortino, sortinoWhy);
        b.put("max_drawdown", in.maxDrawdown());
        b.putOrReason(
                "calmar",
                cagr != null && in.maxDrawdown() > 0 ? cagr / in.maxDrawdown() : null,
                cagr == null ? cagrWhy : "no drawdown");
        b.put("max_drawdown_duration", in.maxDrawdownDuration().toString());
        b.put("longest_underwater", in.longestUnderwater().toString());

        // round trips
        List<PerformanceInput.TripFigures> trips = in.trips();
        int wins = 0;
        int losses = 0;
        double sumWin = 0;
        double sumLoss = 0;
        double largestWin = Double.NaN;
        double largestLoss = Double.NaN;
        int run = 0;
        int maxWins = 0;
        int maxLosses = 0;
        long holdingMillis = 0;
        double sumNet = 0;
        for (PerformanceInput.TripFigures t : trips) {
            sumNet += t.netPnl();
            holdingMillis += t.holding().toMillis();
            if (t.netPnl() > 0) {
                wins++;
                sumWin += t.netPnl();
                largestWin = Double.isNaN(largestWin) ? t.netPnl() : Math.max(largestWin, t.netPnl());
                run = run > 0 ? run + 1 : 1;
                maxWins = Math.max(maxWins, run);
            } else {
                if (t.netPnl() < 0) {
                    losses++;
                    sumLoss += t.netPnl();
                    largestLoss = Double.isNaN(largestLoss) ? t.netPnl() : Math.min(largestLoss, t.netPnl());
                }
                run = run < 0 ? run - 1 : -1;
                maxLosses = Math.max(maxLosses, -run);
            }
        }
        int count = trips.size();
        String noTrips = "no closed round trip";
        b.put("round_trips", (long) count);
        if (in.excludedTrips() != null) {
            b.reason("round_trips_excluded", in.excludedTrips());
        }
        b.putOrReason("win_rate", count > 0 ? (double) wins / count : null, noTrips);
        b.putOrReason("average_win", wins > 0 ? sumWin / wins : null, "no winning round trip");
        b.putOrReason("average_loss", losses > 0 ? sumLoss / losses : null, "no losing round trip");
        b.putOrReason(
                "payoff_ratio",
                wins > 0 && losses > 0 ? (sumWin / wins) / Math.abs(sumLoss / losses) : null,
                wins == 0 ? "no winning round trip" : "no losing round trip");
        b.putOrReason("profit_factor", losses > 0 ? sumWin / Math.abs(sumLoss) : null, "no losing round trip");
        b.putOrReason("expectancy", count > 0 ? sumNet / count : null, noTrips);
        b.putOrReason("largest_win", Double.isNaN(largestWin) ? null : largestWin, "no winning round trip");
        b.putOrReason("largest_loss", Double.isNaN(largestLoss) ? null : largestLoss, "no losing round trip");
        b.put("max_consecutive_wins", (long) maxWins);
        b.put("max_consecutive_losses", (long) maxLosses);
        b.putOrReason(
                "average_holding_time",
                count > 0 ? Duration.ofMillis(holdingMillis / count).toString() : null,
                noTrips);

        // activity and costs
        double total = Duration.between(in.start(), in.end()).toMillis();
        b.putOrReason("exposure_time", total > 0 ? in.exposed().toMillis() / total : null, "the run spans no time");
        double averageEquity = in.initialEquity();
        if (n > 0) {
            double sum = 0;
            for (PerformanceInput.SessionEquity s : in.sessions()) {
                sum += s.equity();
            }
            averageEquity = sum / n;
        }
        b.putOrReason(
                "turnover",
                averageEquity > 0 && days > 0 ? in.tradedNotional() / averageEquity / (days / DAYS_PER_YEAR) : null,
                averageEquity <= 0 ? "the average equity is not positive" : "the run spans no time");
        b.putOrReason(
                "fees_share_of_gross_pnl",
                in.grossPnl() != 0 ? in.fees() / Math.abs(in.grossPnl()) : null,
                "the gross PnL is zero");

        // tails
        double[] sorted = returns.clone();
        Arrays.sort(sorted);
        Double tail = null;
        String tailWhy = fewSessions;
        Double var = null;
        Double cvar = null;
        if (n >= 2) {
            double p95 = percentile(sorted, 0.95);
            double p5 = percentile(sorted, 0.05);
            if (p5 != 0) {
                tail = p95 / Math.abs(p5);
            } else {
                tailWhy = "the 5th percentile return is zero";
            }
            var = -p5;
            double sum = 0;
            int k = 0;
            for (double r : sorted) {
                if (r <= p5) {
                    sum += r;
                    k++;
                }
            }
            cvar = -(sum / k);
        }
        b.putOrReason("tail_ratio", tail, tailWhy);
        b.putOrReason("var_95", var, fewSessions);
        b.putOrReason("cvar_95", cvar, fewSessions);
        if (n > 0) {
            int best = 0;
            int worst = 0;
            for (int i = 1; i < n; i++) {
                if (returns[i] > returns[best]) {
                    best = i;
                }
                if (returns[i] < returns[worst]) {
                    worst = i;
                }
            }
            b.put("best_session", in.sessions().get(best).session().toString());
            b.put("best_session_return", returns[best]);
            b.put("worst_session", in.sessions().get(worst).session().toString());
            b.put("worst_session_return", returns[worst]);
        } else {
            for (String k : List.of("best_session", "best_session_return", "worst_session", "worst_session_return")) {
                b.putOrReason(k, null, "no session with market data");
            }
        }
        return new Statistics(b.values, b.undefined);
    }

    /** The sessions' returns, for the report's histograms and heat map. */
    public static List<Double> returns(PerformanceInput in) {
        List<Double> out = new ArrayList<>();
        double previous = in.initialEquity();
        for (PerformanceInput.SessionEquity s : in.sessions()) {
            out.add(previous != 0 ? s.equity() / previous - 1 : 0);
            previous = s.equity();
        }
        return out;
    }

    static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    static double sampleStd(double[] x) {
        double m = mean(x);
        double s = 0;
        for (double v : x) {
            s += (v - m) * (v - m);
        }
        return Math.sqrt(s / (x.length - 1));
    }

    /** Linear interpolation between closest ranks (numpy's default) of an ascending array. */
    static double percentile(double[] sorted, double p) {
        double pos = p * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = (int) Math.ceil(pos);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
    }

    private static final class Builder {
        final Map<String, Object> values = new LinkedHashMap<>();
        final Map<String, String> undefined = new LinkedHashMap<>();

        void put(String name, Object value) {
            if (value instanceof Double d && (d.isNaN() || d.isInfinite())) {
                throw new IllegalStateException(name + " is " + d + ": a statistic is a number or undefined");
            }
            values.put(name, value);
        }

        void putOrReason(String name, Object value, String why) {
            put(name, value);
            if (value == null) {
                undefined.put(name, why);
            }
        }

        void reason(String name, String why) {
            undefined.put(name, why);
        }
    }
}
