package io.eventdesk.domain.results;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What statistics are computed from, in the account's base currency.
 *
 * @param initialEquity the equity before the first session
 * @param start the run's start; {@code end} its end
 * @param sessions the equity at the end of each session with market data, in order
 * @param maxDrawdown the deepest fall from a peak of the equity curve, a fraction
 * @param maxDrawdownDuration from that drawdown's peak to its recovery, or to the end
 * @param longestUnderwater the longest stretch below a previous peak
 * @param trips the closed round trips' figures
 * @param exposed how long a position was held
 * @param tradedNotional the notional of every fill
 * @param fees every fee paid
 * @param grossPnl realized plus unrealized PnL before fees
 * @param excludedTrips round trips left out of the trip statistics, with why (null: none)
 */
public record PerformanceInput(
        double initialEquity,
        Instant start,
        Instant end,
        List<SessionEquity> sessions,
        double maxDrawdown,
        Duration maxDrawdownDuration,
        Duration longestUnderwater,
        List<TripFigures> trips,
        Duration exposed,
        double tradedNotional,
        double fees,
        double grossPnl,
        String excludedTrips) {

    /** The equity at the end of one session. */
    public record SessionEquity(LocalDate session, double equity) {}

    /** A closed round trip's net PnL, its return on entry notional, and how long it was held. */
    public record TripFigures(double netPnl, double returnOnEntry, Duration holding) {}
}
