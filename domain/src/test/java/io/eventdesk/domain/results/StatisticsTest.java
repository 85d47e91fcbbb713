package io.eventdesk.domain.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Statistics worked on paper: four sessions and three round trips. */
class StatisticsTest {
    private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

    private static PerformanceInput.SessionEquity s(int day, double equity) {
        return new PerformanceInput.SessionEquity(LocalDate.of(2024, 1, day), equity);
    }

    private static PerformanceInput.TripFigures t(double net, long minutes) {
        return new PerformanceInput.TripFigures(net, net / 1000, Duration.ofMinutes(minutes));
    }

    /** 100 → 110 → 99 → 108.9 → 108.9: returns +10%, −10%, +10%, 0%. */
    private final PerformanceInput input = new PerformanceInput(
            100,
            START,
            START.plus(Duration.ofDays(4)),
            List.of(s(1, 110), s(2, 99), s(3, 108.9), s(4, 108.9)),
            0.1,
            Duration.ofDays(2),
            Duration.ofDays(2),
            List.of(t(5, 10), t(-2, 20), t(3, 30)),
            Duration.ofDays(2),
            400,
            2,
            10.9,
            null);

    @Test
    void shouldMatchTheFiguresWorkedOnPaper_whenFourSessionsAreGiven() {
        Statistics st = Statistics.of(input, new StatisticsConventions(252.0, 0));
        assertThat(st.number("total_return")).isCloseTo(0.089, within(1e-12));
        // mean = 0.025; sample variance = (0.075² + 0.125² + 0.075² + 0.025²) / 3 = 0.0275 / 3
        double sd = Math.sqrt(0.0275 / 3);
        assertThat(st.number("annual_volatility")).isCloseTo(sd * Math.sqrt(252), within(1e-12));
        assertThat(st.number("sharpe")).isCloseTo(0.025 / sd * Math.sqrt(252), within(1e-9));
        // downside: only −10% is below 0: sqrt(0.01 / 4) = 0.05
        assertThat(st.number("sortino")).isCloseTo(0.025 / 0.05 * Math.sqrt(252), within(1e-9));
        assertThat(st.number("cagr")).isCloseTo(Math.pow(1.089, 365.25 / 4) - 1, within(1e-9));
        assertThat(st.number("calmar")).isCloseTo((Math.pow(1.089, 365.25 / 4) - 1) / 0.1, within(1e-6));
        assertThat(st.number("win_rate")).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(st.number("average_win")).isEqualTo(4.0);
        assertThat(st.number("average_loss")).isEqualTo(-2.0);
        assertThat(st.number("payoff_ratio")).isEqualTo(2.0);
        assertThat(st.number("profit_factor")).isEqualTo(4.0);
        assertThat(st.number("expectancy")).isCloseTo(2.0, within(1e-12));
        assertThat(st.number("largest_win")).isEqualTo(5.0);
        assertThat(st.number("largest_loss")).isEqualTo(-2.0);
        assertThat(st.get("max_consecutive_wins")).isEqualTo(1L);
        assertThat(st.get("max_consecutive_losses")).isEqualTo(1L);
        assertThat(st.get("average_holding_time")).isEqualTo("PT20M");
        assertThat(st.number("exposure_time")).isEqualTo(0.5);
        // 400 traded / average equity 106.7 / (4 / 365.25) years
        assertThat(st.number("turnover")).isCloseTo(400 / 106.7 / (4 / 365.25), within(1e-9));
        assertThat(st.number("fees_share_of_gross_pnl")).isCloseTo(2 / 10.9, within(1e-12));
        // sorted returns −0.1, 0, 0.1, 0.1: p5 at rank 0.15 → −0.1 + 0.15 × 0.1 = −0.085; p95 at 2.85 → 0.1
        assertThat(st.number("var_95")).isCloseTo(0.085, within(1e-12));
        assertThat(st.number("cvar_95")).isCloseTo(0.1, within(1e-12));
        assertThat(st.number("tail_ratio")).isCloseTo(0.1 / 0.085, within(1e-12));
        assertThat(st.get("best_session")).isEqualTo("2024-01-01");
        assertThat(st.get("worst_session")).isEqualTo("2024-01-02");
        assertThat(st.undefined()).isEmpty();
    }

    @Test
    void shouldDerivePeriodsPerYearFromTheCalendar_whenNoneIsConfigured() {
        Statistics st = Statistics.of(input, StatisticsConventions.defaults());
        assertThat(st.number("periods_per_year")).isCloseTo(4 / 4.0 * 365.25, within(1e-9));
    }

    @Test
    void shouldGiveNullWithAReason_whenAStatisticIsUndefined() {
        PerformanceInput flat = new PerformanceInput(
                100,
                START,
                START.plus(Duration.ofDays(1)),
                List.of(s(1, 100)),
                0,
                Duration.ZERO,
                Duration.ZERO,
                List.of(t(5, 10)),
                Duration.ZERO,
                0,
                0,
                0,
                null);
        Statistics st = Statistics.of(flat, StatisticsConventions.defaults());
        assertThat(st.get("sharpe")).isNull();
        assertThat(st.undefined())
                .containsEntry("sharpe", "fewer than two sessions")
                .containsEntry("profit_factor", "no losing round trip")
                .containsEntry("calmar", "no drawdown")
                .containsEntry("fees_share_of_gross_pnl", "the gross PnL is zero");
        assertThat(st.values().values()).noneMatch(v -> v instanceof Double d && (d.isNaN() || d.isInfinite()));
    }

    @Test
    void shouldFollowTheDeepestFallAndItsRecovery_whenTheCurveDrawsDown() {
        DrawdownTracker d = new DrawdownTracker();
        d.add(START, 100);
        d.add(START.plusSeconds(3600), 80); // −20%
        d.add(START.plusSeconds(7200), 100); // recovered after 2 h
        d.add(START.plusSeconds(10800), 95); // under water again, to the end
        d.add(START.plusSeconds(36000), 96);
        assertThat(d.maxDrawdown()).isCloseTo(0.2, within(1e-12));
        assertThat(d.maxDrawdownDuration()).isEqualTo(Duration.ofHours(2));
        assertThat(d.longestUnderwater()).isEqualTo(Duration.ofHours(8)); // from the peak at 2 h to the end at 10 h
    }
}
