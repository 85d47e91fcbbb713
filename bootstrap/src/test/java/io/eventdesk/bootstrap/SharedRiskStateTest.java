package io.eventdesk.bootstrap;

import static io.eventdesk.bootstrap.Within.within;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventdesk.adapters.marketdata.MarketDataFeeds;
import io.eventdesk.adapters.persistence.EventJournals;
import io.eventdesk.adapters.state.redis.SharedStates;
import io.eventdesk.application.engine.DeskSession;
import io.eventdesk.application.engine.RerunSessionService;
import io.eventdesk.application.usecase.BacktestRequest;
import io.eventdesk.application.usecase.SignalDecision;
import io.eventdesk.domain.event.PeerActivityReceived;
import io.eventdesk.domain.instrument.Instrument;
import io.eventdesk.domain.market.Bar;
import io.eventdesk.domain.port.SharedTradingStatePort;
import io.eventdesk.domain.risk.RiskLimits;
import io.eventdesk.domain.run.RunSummary;
import io.eventdesk.domain.signal.SignalContract;
import io.eventdesk.domain.value.Money;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The risk state several processes of one desk share in the real Redis: a strategy's throttle counts the orders it
 * submitted in every process, and the daily loss limit is the desk's (every process's daily PnL). What a process
 * hears of the others is an input, journaled before it takes effect, so its session re-runs to the same digest.
 * Each process is a {@link DeskSession} with an adapter of its own (its own connection and origin), as two service
 * processes would be; {@link SharedTradingStateTest} runs two real service processes.
 */
class SharedRiskStateTest {
    private static final Duration BOUND = Duration.ofSeconds(3);
    private static final Instant T0 = Instant.parse("2024-01-02T00:00:00Z");
    private static final Instrument BTC = SessionFixtures.BTC;
    private static final SignalContract CONTRACT = SessionFixtures.CONTRACT;
    private static final Bar BAR = new Bar(
            BTC.id(),
            T0,
            T0.plusSeconds(60),
            Price.of("100"),
            Price.of("100"),
            Price.of("100"),
            Price.of("100"),
            Quantity.of(10));

    @TempDir
    Path dir;

    private final String desk = "risk-" + System.nanoTime();
    private final List<AutoCloseable> open = new ArrayList<>();

    @BeforeAll
    static void redisAnswers() {
        LocalRedis.requireOrSkip("SharedRiskStateTest");
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private BacktestRequest request(String name, RiskLimits limits, String journal) {
        return SessionFixtures.request(dir, name, journal, limits);
    }

    /** A process of the desk: its session, sharing the desk's state as {@code name}, after one bar. */
    private DeskSession process(String name, RiskLimits limits) {
        DeskSession s = new DeskSession(request(name, limits, name), () -> T0.plusSeconds(60));
        s.start();
        s.onMarketData(BAR);
        s.share(port(name));
        return s;
    }

    private SharedTradingStatePort port(String origin) {
        SharedTradingStatePort port = SharedStates.redis(LocalRedis.URL.toString(), desk, origin);
        open.add(port);
        return port;
    }

    private static SignalDecision buy(DeskSession s, String id) {
        return buy(s, id, "0.01");
    }

    /** A signal for a long position of {@code quantity} BTC: each larger one is an order. */
    private static SignalDecision buy(DeskSession s, String id, String quantity) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("signal_id", id);
        fields.put("time", T0.toString());
        fields.put("strategy_id", "outside");
        fields.put("instrument", "BTC");
        fields.put("side", "BUY");
        fields.put("quantity", quantity);
        return s.ingest(CONTRACT.read(fields, "test", 0));
    }

    /** How many of the other processes' submissions {@code name}'s journal holds. */
    private long othersSubmissionsIn(String name) {
        return Jdbi.create(EventJournals.sqliteUrl(dir.resolve(name + ".db")))
                .withHandle(h -> h.createQuery("SELECT COALESCE(SUM(json_array_length(payload, '$.submissions')), 0)"
                                + " FROM journal_events WHERE type = 'PeerActivityReceived'")
                        .mapTo(Long.class)
                        .one());
    }

    /** The other processes' daily PnL as {@code name} last journaled it (JSON), or "" before any. */
    private String othersDailyPnlIn(String name) {
        return Jdbi.create(EventJournals.sqliteUrl(dir.resolve(name + ".db")))
                .withHandle(h -> h.createQuery("SELECT json_extract(payload, '$.dailyPnl') FROM journal_events"
                                + " WHERE type = 'PeerActivityReceived' ORDER BY sequence DESC LIMIT 1")
                        .mapTo(String.class)
                        .findOne()
                        .orElse(""));
    }

    @Test
    void shouldCountTheOtherProcessesOrders_whenAStrategysThrottleIsShared() throws Exception {
        RiskLimits limits = RiskLimits.builder()
                .throttle(new RiskLimits.Throttle(3, Duration.ofSeconds(60)))
                .build();
        DeskSession a = process("a", limits);
        DeskSession b = process("b", limits);
        assertThat(buy(a, "a-1").outcome()).isEqualTo(SignalDecision.Outcome.APPROVED);
        assertThat(buy(a, "a-2", "0.02").outcome()).isEqualTo(SignalDecision.Outcome.APPROVED);
        assertThat(within(BOUND, () -> othersSubmissionsIn("b"), n -> n >= 2)).isEqualTo(2);

        assertThat(buy(b, "b-1").outcome()).isEqualTo(SignalDecision.Outcome.APPROVED); // 2 + 1 = 3: the limit
        SignalDecision over = buy(b, "b-2", "0.02");
        assertThat(over.outcome()).isEqualTo(SignalDecision.Outcome.DENIED);
        assertThat(over.code()).isEqualTo("THROTTLE_EXCEEDED");
        assertThat(within(BOUND, () -> othersSubmissionsIn("a"), n -> n >= 1)).isEqualTo(1);
        assertThat(buy(a, "a-3", "0.03").code()).isEqualTo("THROTTLE_EXCEEDED"); // a hears of b's order too

        RunSummary session = b.finish();
        a.finish();
        RunSummary rerun = new RerunSessionService()
                .rerun(
                        request("b", limits, "b-rerun"),
                        EventJournals.history(EventJournals.sqliteUrl(dir.resolve("b.db")), "b"),
                        MarketDataFeeds.inMemory(List.of(BAR), "the bar"));
        assertThat(rerun.journalDigest()).isEqualTo(session.journalDigest());
        assertThat(rerun.ordersDenied()).isEqualTo(1);
    }

    @Test
    void shouldDenyNewExposure_whenTheDesksOtherProcessesLostMoreThanTheDailyLimit() throws Exception {
        RiskLimits limits =
                RiskLimits.builder().dailyLossLimit(new BigDecimal("1000")).build();
        SharedTradingStatePort other = port("other");
        other.dailyPnl(Money.of("USD", "-1500"));
        other.watch(new Quiet(), Duration.ZERO); // its poll writes its daily PnL
        DeskSession b = process("b", limits);

        assertThat(within(BOUND, () -> othersDailyPnlIn("b"), j -> j.contains("-1500")))
                .contains("\"other\"");
        SignalDecision denied = buy(b, "b-1");
        assertThat(denied.code()).isEqualTo("DAILY_LOSS_LIMIT_EXCEEDED");
        assertThat(denied.detail())
                .contains("loss since the session start 1500")
                .contains("the desk's other processes 1500");

        other.dailyPnl(Money.of("USD", "-200"));
        assertThat(within(BOUND, () -> othersDailyPnlIn("b"), j -> j.contains("-200")))
                .doesNotContain("-1500");
        SignalDecision approved = buy(b, "b-2");
        assertThat(approved.outcome()).isEqualTo(SignalDecision.Outcome.APPROVED);
        assertThat(b.uncountedProcesses()).isEmpty();

        other.dailyPnl(Money.of("EUR", "-5000")); // no EUR rate on this desk: not counted, and said so
        assertThat(within(BOUND, b::uncountedProcesses, l -> !l.isEmpty()))
                .singleElement()
                .asString()
                .startsWith("other (EUR: ");
        assertThat(buy(b, "b-last", "0.02").outcome()).isEqualTo(SignalDecision.Outcome.APPROVED);
        b.finish();
    }

    /** A process that only writes (its listener hears nothing it acts on). */
    private static final class Quiet implements SharedTradingStatePort.Listener {
        @Override
        public void changed(SharedTradingStatePort.Shared shared) {}

        @Override
        public void peers(
                List<PeerActivityReceived.Submission> submissions, List<PeerActivityReceived.DailyPnl> dailyPnl) {}

        @Override
        public void unavailable(String problem) {}

        @Override
        public void available(SharedTradingStatePort.Shared shared) {}
    }
}
