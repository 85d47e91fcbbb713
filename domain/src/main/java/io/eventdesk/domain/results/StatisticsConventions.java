package io.eventdesk.domain.results;

/**
 * The conventions statistics are computed under, stated in one place.
 *
 * <ul>
 *   <li>Returns are per session of the account's calendar, from the equity at each session's end; sessions without
 *       market data are skipped. The first session's return is against the initial equity.
 *   <li>{@code periodsPerYear}: how many sessions make a year, for annualizing; null derives it from the data's
 *       calendar, the sessions with data per year of the run (sessions ÷ calendar days × 365.25).
 *   <li>{@code riskFreeRate}: annual, converted per period as (1 + rf)^(1/P) − 1; default 0.
 *   <li>CAGR counts calendar days / 365.25; volatility is the sample standard deviation (ddof 1); percentiles
 *       interpolate linearly between closest ranks.
 * </ul>
 */
public record StatisticsConventions(Double periodsPerYear, double riskFreeRate) {
    public StatisticsConventions {
        if (periodsPerYear != null && !(periodsPerYear > 0 && periodsPerYear <= 1_000_000)) {
            throw new IllegalArgumentException("periods-per-year must be positive, got " + periodsPerYear);
        }
        if (!(riskFreeRate > -1 && riskFreeRate < 10)) {
            throw new IllegalArgumentException("risk-free-rate is an annual fraction above -1, got " + riskFreeRate);
        }
    }

    public static StatisticsConventions defaults() {
        return new StatisticsConventions(null, 0);
    }
}
