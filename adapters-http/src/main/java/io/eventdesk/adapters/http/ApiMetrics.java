package io.eventdesk.adapters.http;

import io.eventdesk.application.usecase.QueryDeskUseCase.DeskSnapshot;
import io.eventdesk.application.usecase.SignalDecision;
import io.eventdesk.domain.order.OrderView;
import io.eventdesk.domain.port.LiveMarketDataPort;
import io.eventdesk.domain.trading.TradingState;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The service's metrics in Prometheus' text format: signals by outcome and code, request latencies by route, and the
 * desk's figures (equity, drawdown, trading state, open orders by status, journal lag, feed age) read from one
 * snapshot at each scrape.
 */
final class ApiMetrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<String, Counter> signals = new ConcurrentHashMap<>();
    private final Map<String, Timer> requests = new ConcurrentHashMap<>();
    private final Figures figures = new Figures();

    /** the figures the gauges read, set from a snapshot just before each scrape */
    private static final class Figures {
        volatile double equity;
        volatile double drawdown;
        volatile double journalLag;
        volatile double feedAgeSeconds = Double.NaN;
        volatile double marketEvents;
        volatile double fills;
        volatile double notional;
        volatile TradingState state = TradingState.ACTIVE;
        final Map<io.eventdesk.domain.order.OrderStatus, AtomicLong> openByStatus =
                new EnumMap<>(io.eventdesk.domain.order.OrderStatus.class);
    }

    ApiMetrics() {
        Gauge.builder("eventdesk_equity", figures, f -> f.equity)
                .description("the account's equity in its base currency")
                .register(registry);
        Gauge.builder("eventdesk_drawdown_ratio", figures, f -> f.drawdown)
                .description("the drawdown from the peak equity, a fraction")
                .register(registry);
        Gauge.builder("eventdesk_journal_lag_events", figures, f -> f.journalLag)
                .description("events published and not yet durable in the journal")
                .register(registry);
        Gauge.builder("eventdesk_feed_age_seconds", figures, f -> f.feedAgeSeconds)
                .description("wall-clock seconds since the source delivered market data")
                .register(registry);
        Gauge.builder("eventdesk_market_events", figures, f -> f.marketEvents)
                .description("market data taken by the desk")
                .register(registry);
        Gauge.builder("eventdesk_fills", figures, f -> f.fills)
                .description("fills since the session started")
                .register(registry);
        Gauge.builder("eventdesk_traded_notional", figures, f -> f.notional)
                .description("the notional of those fills, in the base currency")
                .register(registry);
        for (TradingState s : TradingState.values()) {
            Gauge.builder("eventdesk_trading_state", figures, f -> f.state == s ? 1 : 0)
                    .tag("state", s.name())
                    .description("1 for the desk's trading state")
                    .register(registry);
        }
        for (io.eventdesk.domain.order.OrderStatus s : io.eventdesk.domain.order.OrderStatus.values()) {
            if (s.isClosed()) {
                continue;
            }
            AtomicLong count = new AtomicLong();
            figures.openByStatus.put(s, count);
            Gauge.builder("eventdesk_open_orders", count, AtomicLong::get)
                    .tag("status", s.name())
                    .description("open orders by status")
                    .register(registry);
        }
    }

    void signal(SignalDecision d) {
        String code = d.code() == null ? "" : d.code();
        signals.computeIfAbsent(
                        d.outcome() + "|" + code,
                        k -> Counter.builder("eventdesk_signals")
                                .tag("outcome", d.outcome().name())
                                .tag("code", code)
                                .description("signals taken, by decision")
                                .register(registry))
                .increment();
    }

    void request(String route, String method, int status, long nanos) {
        requests.computeIfAbsent(
                        method + " " + route + " " + status,
                        k -> Timer.builder("eventdesk_http_requests")
                                .tag("route", route)
                                .tag("method", method)
                                .tag("status", String.valueOf(status))
                                .description("API requests, from arrival to answer")
                                .publishPercentiles(0.5, 0.99)
                                .register(registry))
                .record(Duration.ofNanos(nanos));
    }

    /** The text of a scrape, the desk's figures taken from {@code snapshot} first. */
    String scrape(DeskSnapshot snapshot, LiveMarketDataPort.Status feed, Instant wallNow) {
        if (snapshot != null) {
            figures.equity = snapshot.equity().toBigDecimal().doubleValue();
            figures.drawdown = snapshot.drawdown().doubleValue();
            figures.journalLag = Math.max(0, snapshot.lastSequence() - snapshot.durableThrough());
            figures.marketEvents = snapshot.marketEvents();
            figures.fills = snapshot.fills();
            figures.notional = snapshot.tradedNotional().toBigDecimal().doubleValue();
            figures.state = snapshot.tradingState();
            figures.openByStatus.values().forEach(c -> c.set(0));
            for (OrderView o : snapshot.openOrders()) {
                AtomicLong c = figures.openByStatus.get(o.status());
                if (c != null) {
                    c.incrementAndGet();
                }
            }
        }
        figures.feedAgeSeconds = feed == null || feed.lastDelivered() == null
                ? Double.NaN
                : Duration.between(feed.lastDelivered(), wallNow).toMillis() / 1000.0;
        return registry.scrape();
    }
}
