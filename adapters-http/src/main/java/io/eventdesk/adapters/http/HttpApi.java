package io.eventdesk.adapters.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.eventdesk.application.usecase.IngestSignalUseCase;
import io.eventdesk.application.usecase.QueryDeskUseCase.DeskSnapshot;
import io.eventdesk.application.usecase.SignalDecision;
import io.eventdesk.domain.error.BadInputException;
import io.eventdesk.domain.instrument.Instrument;
import io.eventdesk.domain.instrument.InstrumentId;
import io.eventdesk.domain.order.OrderView;
import io.eventdesk.domain.port.LiveMarketDataPort;
import io.eventdesk.domain.signal.ExternalSignal;
import io.eventdesk.domain.signal.SignalContract;
import io.eventdesk.domain.trading.TradingState;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's HTTP API, on the JDK's HTTP server: a driving adapter that validates each request, calls one of the
 * desk's use cases (which hand it to the engine thread and wait for the answer) and answers in JSON. Errors are
 * {@code application/problem+json} naming the field; no stack trace or internal message reaches a client. Every
 * route but {@code /v1/health} and {@code /metrics} needs {@code Authorization: Bearer <token>}.
 */
public final class HttpApi implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);

    static {
        // the JDK's server writes a response's headers and body apart: without TCP_NODELAY every answer waits on
        // the client's delayed ACK (about 40 ms). Read once, when the server's configuration is first loaded.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }
    /** The routes the API serves, as its OpenAPI document must list them (a test holds the two together). */
    public static final List<String> ROUTES = List.of(
            "POST /v1/signals",
            "GET /v1/signals/{id}",
            "GET /v1/decisions",
            "GET /v1/events",
            "GET /v1/health",
            "GET /v1/trading-state",
            "PUT /v1/trading-state",
            "GET /v1/portfolio",
            "GET /v1/positions",
            "GET /v1/orders",
            "DELETE /v1/orders/{id}",
            "GET /v1/openapi.json",
            "GET /metrics");

    private final ApiSettings settings;
    private final DeskApi desk;
    private final HttpServer server;
    private final ExecutorService threads;
    private final Exchanges io;
    private final SignalContract contract;
    private final ApiMetrics metrics = new ApiMetrics();
    private final byte[] token;
    private final List<Route> routes = new ArrayList<>();

    private interface Handler {
        void handle(HttpExchange ex, Matcher path) throws IOException;
    }

    private record Route(String method, String template, Pattern pattern, boolean open, Handler handler) {}

    private HttpApi(ApiSettings settings, DeskApi desk) throws IOException {
        this.settings = settings;
        this.desk = desk;
        this.io = new Exchanges(settings.maxBodyBytes(), settings.maxDepth());
        Map<InstrumentId, Instrument> instruments = new LinkedHashMap<>();
        settings.instruments().forEach(i -> instruments.put(i.id(), i));
        this.contract = new SignalContract(instruments, HttpApi::instant);
        this.token = settings.token().getBytes(StandardCharsets.UTF_8);
        route("POST", "/v1/signals", false, this::postSignal);
        route("GET", "/v1/signals/{id}", false, this::getSignal);
        route("GET", "/v1/decisions", false, this::getDecisions);
        route("GET", "/v1/events", false, this::getEvents);
        route("GET", "/v1/health", true, this::getHealth);
        route("GET", "/v1/trading-state", false, this::getTradingState);
        route("PUT", "/v1/trading-state", false, this::putTradingState);
        route(
                "GET",
                "/v1/portfolio",
                false,
                (ex, m) -> io.json(ex, 200, Views.portfolio(desk.query().snapshot())));
        route(
                "GET",
                "/v1/positions",
                false,
                (ex, m) -> io.json(ex, 200, Views.positions(desk.query().snapshot())));
        route("GET", "/v1/orders", false, this::getOrders);
        route("DELETE", "/v1/orders/{id}", false, this::deleteOrder);
        route("GET", "/v1/openapi.json", false, this::getOpenApi);
        route("GET", "/metrics", true, this::getMetrics);
        List<String> served =
                routes.stream().map(r -> r.method() + " " + r.template()).toList();
        if (!served.equals(ROUTES)) {
            throw new IllegalStateException("the routes served " + served + " are not the routes listed " + ROUTES);
        }
        this.server = HttpServer.create(new InetSocketAddress(settings.bind(), settings.port()), 64);
        this.threads = Executors.newFixedThreadPool(settings.threads(), r -> {
            Thread t = new Thread(r, "eventdesk-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(threads);
        server.createContext("/", this::dispatch);
        server.start();
    }

    /** Starts the API; it serves until {@link #close()}. */
    public static HttpApi start(ApiSettings settings, DeskApi desk) throws IOException {
        return new HttpApi(settings, desk);
    }

    /** The port it listens on (the one chosen when {@link ApiSettings#port()} was 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        closing = true;
        server.stop(0);
        threads.shutdownNow();
    }

    private void route(String method, String template, boolean open, Handler handler) {
        Pattern p = Pattern.compile(template.replace("{id}", "([^/]+)"));
        routes.add(new Route(method, template, p, open, handler));
    }

    // ---------------------------------------------------------------- dispatch

    private void dispatch(HttpExchange ex) {
        long started = System.nanoTime();
        String routeName = "unmatched";
        int status = 500;
        try {
            String path = ex.getRequestURI().getRawPath();
            Route matched = null;
            Matcher m = null;
            Set<String> allowed = new TreeSet<>();
            for (Route r : routes) {
                Matcher candidate = r.pattern().matcher(path);
                if (candidate.matches()) {
                    allowed.add(r.method());
                    if (r.method().equals(ex.getRequestMethod())) {
                        matched = r;
                        m = candidate;
                    }
                }
            }
            if (matched == null) {
                if (!allowed.isEmpty()) {
                    ex.getResponseHeaders().set("Allow", String.join(", ", allowed));
                    throw new ApiProblem(405, "Method Not Allowed", ex.getRequestMethod() + " is not allowed here");
                }
                throw new ApiProblem(404, "Not Found", "no such route");
            }
            routeName = matched.template();
            if (!matched.open()) {
                authorize(ex);
            }
            matched.handler().handle(ex, m);
            status = ex.getResponseCode();
        } catch (ApiProblem p) {
            status = p.status;
            answer(ex, p);
        } catch (BadInputException b) {
            status = 400;
            answer(ex, new ApiProblem(400, "Bad Request", b.problem(), b.field()));
        } catch (IngestSignalUseCase.SignalConflict c) {
            status = 409;
            answer(ex, new ApiProblem(409, "Conflict", c.getMessage(), "signal_id"));
        } catch (IllegalStateException stopped) {
            status = 503;
            LOG.warn("the desk cannot answer: {}", stopped.getMessage());
            answer(ex, new ApiProblem(503, "Service Unavailable", "the desk is not running"));
        } catch (IOException | RuntimeException e) {
            status = 500;
            LOG.error("internal error answering {} {}", ex.getRequestMethod(), routeName, e);
            answer(ex, new ApiProblem(500, "Internal Server Error", "internal error"));
        } finally {
            metrics.request(routeName, ex.getRequestMethod(), status, System.nanoTime() - started);
            ex.close();
        }
    }

    private void answer(HttpExchange ex, ApiProblem p) {
        try {
            io.problem(ex, p);
        } catch (IOException | RuntimeException e) {
            LOG.debug("could not answer the client: {}", e.toString());
        }
    }

    /** The bearer token, compared in constant time; never logged. */
    private void authorize(HttpExchange ex) {
        String header = ex.getRequestHeaders().getFirst("Authorization");
        byte[] given = header != null && header.startsWith("Bearer ")
                ? header.substring(7).strip().getBytes(StandardCharsets.UTF_8)
                : new byte[0];
        if (!MessageDigest.isEqual(given, token)) {
            ex.getResponseHeaders().set("WWW-Authenticate", "Bearer");
            throw new ApiProblem(401, "Unauthorized", "a valid Authorization: Bearer token is required");
        }
    }

    // ---------------------------------------------------------------- signals

    private void postSignal(HttpExchange ex, Matcher path) throws IOException {
        Map<String, Object> body = io.jsonObject(ex);
        ExternalSignal signal = contract.read(body, "POST /v1/signals", 0);
        SignalDecision decision = desk.signals().ingest(signal);
        if (!decision.repeated()) {
            metrics.signal(decision);
        }
        if ("THROTTLE_EXCEEDED".equals(decision.code()) && !decision.repeated()) {
            ex.getResponseHeaders()
                    .set(
                            "Retry-After",
                            String.valueOf(Math.max(1, settings.retryAfter().toSeconds())));
            io.json(ex, 429, Views.decision(decision));
            return;
        }
        io.json(ex, decision.repeated() ? 200 : 202, Views.decision(decision));
    }

    private void getSignal(HttpExchange ex, Matcher path) throws IOException {
        String id = decode(path.group(1));
        SignalDecision d = desk.signals().decisionOf(id);
        if (d == null) {
            throw new ApiProblem(404, "Not Found", "no signal " + id + " was received");
        }
        Map<String, Object> body = Views.decision(d);
        OrderView order = d.orderId() == null ? null : desk.query().order(d.orderId());
        body.put("order", order == null ? null : Views.order(order));
        io.json(ex, 200, body);
    }

    private void getDecisions(HttpExchange ex, Matcher path) throws IOException {
        Map<String, String> query = query(ex, Set.of("since", "limit"));
        long since = number(query, "since", 0);
        int limit = (int) Math.min(number(query, "limit", 1000), 10_000);
        List<Map<String, Object>> out = desk.signals().decisionsSince(since, limit).stream()
                .map(Views::decision)
                .toList();
        io.json(ex, 200, out);
    }

    /** streams open at once: each holds an HTTP thread, so some are always left for the rest of the API */
    private final java.util.concurrent.Semaphore streams = new java.util.concurrent.Semaphore(2);

    private volatile boolean closing;

    /**
     * {@code GET /v1/events?since=SEQ[&limit=N]}: the journal's stored events as they are committed, as server-sent
     * events ({@code id} the sequence, {@code event} the type, {@code data} the journal's JSON), until the client goes,
     * {@code limit} events were sent, or the API closes. A comment every 15 s keeps idle connections open.
     */
    private void getEvents(HttpExchange ex, Matcher path) throws IOException {
        Map<String, String> query = query(ex, Set.of("since", "limit"));
        long since = number(query, "since", 0);
        long limit = number(query, "limit", Long.MAX_VALUE);
        if (!streams.tryAcquire()) {
            throw new ApiProblem(503, "Service Unavailable", "too many event streams are open; try again later");
        }
        try {
            ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
            ex.getResponseHeaders().set("Cache-Control", "no-store");
            ex.sendResponseHeaders(200, 0);
            java.io.OutputStream out = ex.getResponseBody();
            long sent = 0;
            long last = since;
            long quietSince = System.nanoTime();
            while (!closing && sent < limit) {
                List<io.eventdesk.domain.port.JournalTailPort.JournaledEvent> page =
                        desk.journal().eventsSince(last, (int) Math.min(500, limit - sent));
                if (page.isEmpty()) {
                    if (System.nanoTime() - quietSince > 15_000_000_000L) {
                        out.write(": keep-alive\n\n".getBytes(StandardCharsets.UTF_8));
                        out.flush();
                        quietSince = System.nanoTime();
                    }
                    try {
                        Thread.sleep(200);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                    continue;
                }
                StringBuilder frame = new StringBuilder();
                for (var e : page) {
                    frame.append("id: ")
                            .append(e.sequence())
                            .append("\nevent: ")
                            .append(e.type())
                            .append("\ndata: ")
                            .append(e.json())
                            .append("\n\n");
                    last = e.sequence();
                    sent++;
                }
                out.write(frame.toString().getBytes(StandardCharsets.UTF_8));
                out.flush();
                quietSince = System.nanoTime();
            }
            out.close();
        } catch (IOException clientGone) {
            LOG.debug("an event stream's client went away");
        } finally {
            streams.release();
        }
    }

    // ---------------------------------------------------------------- the desk

    private void getHealth(HttpExchange ex, Matcher path) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "DOWN"); // first in the answer; set below
        RuntimeException failure = desk.failure().get();
        LiveMarketDataPort.Status feed = desk.feed().get();
        Instant wall = settings.wallClock().now();
        boolean up = failure == null;
        Map<String, Object> feedBody = new LinkedHashMap<>();
        feedBody.put("source", feed.source());
        feedBody.put("connected", feed.connected());
        feedBody.put("delivered", feed.delivered());
        Long ageMillis = feed.lastDelivered() == null
                ? null
                : Duration.between(feed.lastDelivered(), wall).toMillis();
        feedBody.put("last_event_age_ms", ageMillis);
        feedBody.put("problem", feed.problem());
        if (!feed.counters().isEmpty()) {
            feedBody.put("counters", feed.counters());
        }
        boolean feedAlive = feed.connected()
                && ageMillis != null
                && ageMillis <= settings.maxFeedSilence().toMillis();
        feedBody.put("alive", feedAlive);
        up &= feedAlive;
        Map<String, Object> journal = new LinkedHashMap<>();
        if (failure == null) {
            DeskSnapshot s = desk.query().snapshot();
            long lag = Math.max(0, s.lastSequence() - s.durableThrough());
            journal.put("writable", true);
            journal.put("lag_events", lag);
            up &= lag <= settings.maxJournalLag();
            body.put("trading_state", s.tradingState().name());
            body.put("desk_time", s.time().toString());
            body.put(
                    "last_market_time",
                    s.lastMarketTime() == null ? null : s.lastMarketTime().toString());
        } else {
            journal.put("writable", false);
            body.put("failure", "the desk stopped");
        }
        String store = desk.sharedStore().get();
        if (store != null) {
            String problem = desk.sharedProblem().get();
            Map<String, Object> shared = new LinkedHashMap<>();
            shared.put("store", store);
            shared.put("available", problem == null);
            shared.put("problem", problem);
            shared.put("daily_pnl_not_counted", desk.notCounted().get());
            body.put("shared_state", shared);
            up &= problem == null;
        }
        body.put("status", up ? "UP" : "DOWN");
        body.put("feed", feedBody);
        body.put("journal", journal);
        io.json(ex, up ? 200 : 503, body);
    }

    private void getTradingState(HttpExchange ex, Matcher path) throws IOException {
        io.json(ex, 200, Map.of("state", desk.tradingState().tradingState().name()));
    }

    private static final Set<String> STATE_FIELDS = Set.of("state", "flatten", "reason");

    private void putTradingState(HttpExchange ex, Matcher path) throws IOException {
        Map<String, Object> body = io.jsonObject(ex);
        for (String f : body.keySet()) {
            if (!STATE_FIELDS.contains(f)) {
                throw new ApiProblem(400, "Bad Request", "unknown field (expected one of: flatten, reason, state)", f);
            }
        }
        if (!(body.get("state") instanceof String state)) {
            throw new ApiProblem(400, "Bad Request", "missing (required): ACTIVE, REDUCING or HALTED", "state");
        }
        TradingState to;
        try {
            to = TradingState.valueOf(state);
        } catch (IllegalArgumentException e) {
            throw new ApiProblem(
                    400, "Bad Request", "expected ACTIVE, REDUCING or HALTED, got '" + state + "'", "state");
        }
        Object flattenValue = body.getOrDefault("flatten", Boolean.FALSE);
        if (!(flattenValue instanceof Boolean flatten)) {
            throw new ApiProblem(400, "Bad Request", "expected true or false", "flatten");
        }
        if (flatten && to != TradingState.HALTED) {
            throw new ApiProblem(400, "Bad Request", "only a halt can flatten, not " + to, "flatten");
        }
        Object reasonValue = body.getOrDefault("reason", "operator (API)");
        if (!(reasonValue instanceof String reason) || reason.isBlank() || reason.length() > 500) {
            throw new ApiProblem(400, "Bad Request", "expected a text of 1 to 500 characters", "reason");
        }
        TradingState now = desk.tradingState().changeTradingState(to, flatten, reason);
        io.json(ex, 200, Map.of("state", now.name()));
    }

    private void getOrders(HttpExchange ex, Matcher path) throws IOException {
        Map<String, String> query = query(ex, Set.of("status"));
        String status = query.getOrDefault("status", "open");
        if (!status.equals("open")) {
            throw new ApiProblem(
                    400, "Bad Request", "expected status=open (closed orders are in the journal)", "status");
        }
        io.json(
                ex,
                200,
                desk.query().snapshot().openOrders().stream().map(Views::order).toList());
    }

    private void deleteOrder(HttpExchange ex, Matcher path) throws IOException {
        String id = decode(path.group(1));
        if (!desk.cancels().cancel(id, "canceled through the API")) {
            throw new ApiProblem(404, "Not Found", "no open order " + id);
        }
        io.json(ex, 202, Map.of("order_id", id, "cancel", "sent to the venue"));
    }

    private void getOpenApi(HttpExchange ex, Matcher path) throws IOException {
        try (InputStream in = HttpApi.class.getResourceAsStream("openapi.json")) {
            io.text(ex, 200, Exchanges.JSON_TYPE, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private void getMetrics(HttpExchange ex, Matcher path) throws IOException {
        DeskSnapshot snapshot = desk.failure().get() == null ? desk.query().snapshot() : null;
        String text =
                metrics.scrape(snapshot, desk.feed().get(), settings.wallClock().now());
        io.text(ex, 200, "text/plain; version=0.0.4; charset=utf-8", text);
    }

    // ---------------------------------------------------------------- helpers

    /** A time field of a signal: ISO-8601 with an offset ({@code 2024-01-02T14:30:00Z}). */
    static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "expected an ISO-8601 time with offset (2024-01-02T14:30:00Z), got '" + text + "'");
        }
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static Map<String, String> query(HttpExchange ex, Set<String> allowed) {
        Map<String, String> out = new LinkedHashMap<>();
        String raw = ex.getRequestURI().getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            String[] kv = pair.split("=", 2);
            String key = decode(kv[0]);
            if (!allowed.contains(key)) {
                throw new ApiProblem(
                        400,
                        "Bad Request",
                        "unknown parameter (expected: " + String.join(", ", new TreeSet<>(allowed)) + ")",
                        key);
            }
            out.put(key, kv.length == 2 ? decode(kv[1]) : "");
        }
        return out;
    }

    private static long number(Map<String, String> query, String key, long fallback) {
        String v = query.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            long n = Long.parseLong(v);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new ApiProblem(400, "Bad Request", "expected a whole number ≥ 0, got '" + v + "'", key);
        }
    }
}
