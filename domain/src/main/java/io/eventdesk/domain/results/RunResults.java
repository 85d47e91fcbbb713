package io.eventdesk.domain.results;

import io.eventdesk.domain.event.Event;
import io.eventdesk.domain.event.MarketEvent;
import io.eventdesk.domain.event.OrderFilled;
import io.eventdesk.domain.event.PortfolioValued;
import io.eventdesk.domain.event.RiskEvaluated;
import io.eventdesk.domain.event.RuleCheck;
import io.eventdesk.domain.event.RunFinished;
import io.eventdesk.domain.event.RunStarted;
import io.eventdesk.domain.instrument.Instrument;
import io.eventdesk.domain.instrument.InstrumentId;
import io.eventdesk.domain.market.MarkPrices;
import io.eventdesk.domain.market.MarketData;
import io.eventdesk.domain.portfolio.LotMethod;
import io.eventdesk.domain.portfolio.SessionSchedule;
import io.eventdesk.domain.value.Currency;
import io.eventdesk.domain.value.Price;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * A run's results, computed from its events as they are published (or read back from a journal): round trips, the
 * equity at each session's end, drawdown, exposure, costs, risk denials, and the series a report draws. The same
 * code serves the batch run, a report of an older run and, later, the service and the sweeps.
 *
 * <p>Figures are in the account's base currency; round trips in their instrument's quote currency. The trip
 * statistics count the trips quoted in the base currency only (the others are listed in {@code trades.csv} but not
 * converted). A strategy's equity is the account's initial equity plus its own PnL, taken at each session's end.
 */
public final class RunResults {
    /** how many points each drawn series keeps at most (times 4) */
    private static final int BUCKETS = 1500;

    private final Map<InstrumentId, Instrument> instruments = new LinkedHashMap<>();
    private final Currency base;
    private final SessionSchedule sessions;
    private final StatisticsConventions conventions;
    private final MarkPrices marks;
    private final RoundTripBook book;
    private final Consumer<RoundTrip> sink;
    private final boolean singleCurrency;

    private Instant start;
    private Instant end;
    private LocalDate session;
    /** the current session's bounds, so a piece of data in it is placed without a calendar lookup */
    private Instant sessionStart;

    private Instant sessionEnd;
    /** the price series of the instrument marked last (most runs trade one) */
    private InstrumentId lastMarked;

    private Downsampled lastSeries;
    private double initialEquity = Double.NaN;
    private double equity;
    private boolean exposedNow;
    private Instant lastValuation;
    /** milliseconds with a position */
    private long exposedMillis;

    private final DrawdownTracker drawdown = new DrawdownTracker();
    private final List<PerformanceInput.SessionEquity> sessionEquity = new ArrayList<>();
    private final List<PerformanceInput.TripFigures> trips = new ArrayList<>();
    private final Map<String, List<PerformanceInput.TripFigures>> tripsByStrategy = new LinkedHashMap<>();
    private final Map<String, List<PerformanceInput.SessionEquity>> strategyEquity = new LinkedHashMap<>();
    private final Map<String, DrawdownTracker> strategyDrawdown = new LinkedHashMap<>();
    private final Map<String, double[]> strategyCosts = new LinkedHashMap<>();
    private int excludedTrips;
    private double tradedNotional;
    private double fees;
    private double grossPnl;
    private final Map<String, Long> denials = new TreeMap<>();
    private final Downsampled equityCurve = new Downsampled(BUCKETS);
    private final Map<InstrumentId, Downsampled> prices = new LinkedHashMap<>();
    private final List<RoundTrip> recentTrips = new ArrayList<>();

    /**
     * @param sink receives each round trip as it closes (a run file writes it at once)
     * @param keptTrips how many closed trips are kept for the report's table and markers (the newest beyond it are
     *     dropped from the report, never from {@code sink})
     */
    public RunResults(
            List<Instrument> instruments,
            Currency base,
            LotMethod lotMethod,
            SessionSchedule sessions,
            StatisticsConventions conventions,
            Consumer<RoundTrip> sink,
            int keptTrips) {
        for (Instrument i : instruments) {
            this.instruments.put(i.id(), i);
        }
        this.base = base;
        this.sessions = sessions;
        this.conventions = conventions;
        this.marks = new MarkPrices(this.instruments::get);
        this.sink = sink;
        this.singleCurrency = instruments.stream().allMatch(i -> i.currency().equals(base) && !i.isCurrencyPair());
        this.book = new RoundTripBook(this.instruments, lotMethod, trip -> closed(trip, keptTrips));
    }

    public void accept(Event event) {
        if (event instanceof MarketEvent m) {
            market(m.data());
        } else if (event instanceof PortfolioValued p) {
            valued(p);
        } else if (event instanceof OrderFilled f) {
            book.fill(f);
            Instrument ins = instruments.get(f.instrument());
            if (ins.currency().equals(base)) {
                tradedNotional += Math.abs(ins.valueUnits(f.price(), f.quantity())) / 1e8;
            }
            double fee = f.fee().units() / 1e8;
            strategyCosts.computeIfAbsent(f.strategyId(), k -> new double[2])[0] += fee;
        } else if (event instanceof RiskEvaluated r && !r.approved()) {
            RuleCheck first = r.firstFailure().orElse(null);
            if (first != null) {
                denials.merge(first.rule() + " (" + first.code() + ")", 1L, Long::sum);
            }
        } else if (event instanceof RunStarted s) {
            start = s.time();
        } else if (event instanceof RunFinished f) {
            finish(f.time());
        }
    }

    private void market(MarketData data) {
        Instant opens = data.openTime();
        if (session == null || opens.isBefore(sessionStart) || !opens.isBefore(sessionEnd)) {
            LocalDate day = sessions.sessionOf(opens);
            if (!day.equals(session)) {
                if (session != null) {
                    closeSession();
                }
                session = day;
            }
            sessionStart = sessions.startOf(day);
            sessionEnd = sessions.startOf(day.plusDays(1));
        }
        Price mark = marks.of(data);
        if (mark != null) {
            InstrumentId id = data.instrument();
            book.mark(id, mark);
            if (!id.equals(lastMarked)) {
                lastMarked = id;
                lastSeries = prices.computeIfAbsent(id, k -> new Downsampled(BUCKETS));
            }
            lastSeries.add(data.knownTime().toEpochMilli(), toDouble(mark));
        }
    }

    private static final double[] POWERS = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12};

    /** A price as a double for drawing, without a BigDecimal. */
    private static double toDouble(Price p) {
        int scale = p.scale();
        return scale >= 0 && scale < POWERS.length
                ? p.units() / POWERS[scale]
                : p.toBigDecimal().doubleValue();
    }

    private void valued(PortfolioValued p) {
        double e = p.equityUnits() / 1e8;
        if (Double.isNaN(initialEquity)) {
            initialEquity = e;
        }
        if (lastValuation != null && exposedNow) {
            exposedMillis += p.time().toEpochMilli() - lastValuation.toEpochMilli();
        }
        exposedNow = p.grossExposureUnits() != 0;
        lastValuation = p.time();
        equity = e;
        grossPnl = (p.realizedPnlUnits() + p.unrealizedPnlUnits()) / 1e8;
        fees = p.feesUnits() / 1e8;
        drawdown.add(p.time(), e);
        equityCurve.add(p.time().toEpochMilli(), e);
    }

    private void closeSession() {
        sessionEquity.add(new PerformanceInput.SessionEquity(session, equity));
        if (singleCurrency) {
            for (String strategy : strategyCosts.keySet()) {
                double e = initialEquity + book.pnlUnits(strategy) / 1e8;
                strategyEquity
                        .computeIfAbsent(strategy, k -> new ArrayList<>())
                        .add(new PerformanceInput.SessionEquity(session, e));
                strategyDrawdown
                        .computeIfAbsent(strategy, k -> new DrawdownTracker())
                        .add(sessions.startOf(session.plusDays(1)), e);
            }
        }
    }

    private void closed(RoundTrip trip, int keptTrips) {
        sink.accept(trip);
        if (recentTrips.size() < keptTrips) {
            recentTrips.add(trip);
        }
        if (!trip.currency().equals(base)) {
            excludedTrips++;
            return;
        }
        PerformanceInput.TripFigures f = new PerformanceInput.TripFigures(
                trip.netPnl().doubleValue(),
                trip.returnOnEntry() == null ? 0 : trip.returnOnEntry().doubleValue(),
                trip.holding(trip.exitTime()));
        trips.add(f);
        tripsByStrategy
                .computeIfAbsent(trip.strategyId(), k -> new ArrayList<>())
                .add(f);
    }

    private void finish(Instant time) {
        end = time;
        if (lastValuation != null && exposedNow) {
            exposedMillis += time.toEpochMilli() - lastValuation.toEpochMilli();
            lastValuation = time;
        }
        if (session != null) {
            closeSession();
            session = null;
        }
    }

    /** The run's statistics (call after {@code RunFinished}). */
    public Statistics statistics() {
        return Statistics.of(input(), conventions);
    }

    public PerformanceInput input() {
        double initial = Double.isNaN(initialEquity) ? 0 : initialEquity;
        return new PerformanceInput(
                initial,
                start,
                end == null ? start : end,
                List.copyOf(sessionEquity),
                drawdown.maxDrawdown(),
                drawdown.maxDrawdownDuration(),
                drawdown.longestUnderwater(),
                List.copyOf(trips),
                Duration.ofMillis(exposedMillis),
                tradedNotional,
                fees,
                grossPnl,
                excludedTrips == 0 ? null : excludedTrips + " round trip(s) in a currency other than " + base);
    }

    /** Each strategy's statistics, its equity being the account's initial equity plus its own PnL. */
    public Map<String, Statistics> strategyStatistics() {
        Map<String, Statistics> out = new LinkedHashMap<>();
        double initial = Double.isNaN(initialEquity) ? 0 : initialEquity;
        for (String strategy : strategyCosts.keySet()) {
            DrawdownTracker dd = strategyDrawdown.getOrDefault(strategy, new DrawdownTracker());
            List<PerformanceInput.SessionEquity> eq = strategyEquity.getOrDefault(strategy, List.of());
            PerformanceInput in = new PerformanceInput(
                    initial,
                    start,
                    end == null ? start : end,
                    eq,
                    dd.maxDrawdown(),
                    dd.maxDrawdownDuration(),
                    dd.longestUnderwater(),
                    tripsByStrategy.getOrDefault(strategy, List.of()),
                    Duration.ZERO,
                    0,
                    strategyCosts.get(strategy)[0],
                    eq.isEmpty()
                            ? 0
                            : eq.get(eq.size() - 1).equity()
                                    - initial
                                    + strategyCosts.get(strategy)[0],
                    singleCurrency
                            ? null
                            : "a strategy's equity is taken only when every instrument is quoted in " + base);
            Statistics s = Statistics.of(in, conventions);
            Map<String, Object> values = new LinkedHashMap<>(s.values());
            Map<String, String> why = new LinkedHashMap<>(s.undefined());
            for (String k : List.of("exposure_time", "turnover")) {
                values.put(k, null);
                why.put(k, "counted for the account only");
            }
            out.put(strategy, new Statistics(values, why));
        }
        return out;
    }

    public List<RoundTrip> openTrips() {
        return book.openTrips();
    }

    /** The closed trips kept for the report (the first ones, up to the number given). */
    public List<RoundTrip> keptTrips() {
        return List.copyOf(recentTrips);
    }

    public Map<String, Long> denialsByRule() {
        return Map.copyOf(denials);
    }

    public Downsampled equityCurve() {
        return equityCurve;
    }

    public Map<InstrumentId, Downsampled> prices() {
        return prices;
    }

    public List<Double> sessionReturns() {
        return Statistics.returns(input());
    }

    public List<LocalDate> sessionDates() {
        return sessionEquity.stream()
                .map(PerformanceInput.SessionEquity::session)
                .toList();
    }

    public Currency base() {
        return base;
    }
}
