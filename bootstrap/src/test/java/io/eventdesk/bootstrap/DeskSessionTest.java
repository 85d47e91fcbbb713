package io.eventdesk.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventdesk.adapters.marketdata.MarketDataFeeds;
import io.eventdesk.adapters.persistence.EventJournals;
import io.eventdesk.application.engine.DeskSession;
import io.eventdesk.application.engine.RerunSessionService;
import io.eventdesk.application.usecase.BacktestRequest;
import io.eventdesk.application.usecase.IngestSignalUseCase;
import io.eventdesk.application.usecase.SignalDecision;
import io.eventdesk.domain.instrument.Instrument;
import io.eventdesk.domain.market.Bar;
import io.eventdesk.domain.port.ClockPort;
import io.eventdesk.domain.risk.RiskLimits;
import io.eventdesk.domain.run.RunSummary;
import io.eventdesk.domain.signal.ExternalSignal;
import io.eventdesk.domain.signal.SignalContract;
import io.eventdesk.domain.trading.TradingState;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A desk run as a session, fed from several threads at once (market data, signals, the operator) through its use
 * cases, with the real paper venue and the real SQLite journal: decisions come back with their rule and numbers,
 * repeats are never traded twice, and every input is journaled in the order the engine thread took it.
 */
class DeskSessionTest {
    private static final Instant T0 = Instant.parse("2024-01-02T00:00:00Z");
    private static final Instrument BTC = SessionFixtures.BTC;
    private static final SignalContract CONTRACT = SessionFixtures.CONTRACT;

    @TempDir
    Path dir;

    /** The session's clock, moved by the test as a live source's data would move it. */
    private final AtomicReference<Instant> now = new AtomicReference<>(T0);

    private final ClockPort clock = now::get;

    private DeskSession session(String name, RiskLimits limits) {
        BacktestRequest request = SessionFixtures.request(dir, name, name, limits);
        DeskSession s = new DeskSession(request, clock);
        s.start();
        return s;
    }

    private static Bar bar(int minute, String price) {
        Instant open = T0.plusSeconds(60L * minute);
        Price p = Price.of(price);
        return new Bar(BTC.id(), open, open.plusSeconds(60), p, p, p, p, Quantity.of(10));
    }

    private static ExternalSignal signal(String id, String side, String quantity) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("signal_id", id);
        fields.put("time", "2024-01-02T00:00:00Z");
        fields.put("strategy_id", "outside");
        fields.put("instrument", "BTC");
        fields.put("side", side);
        fields.put("quantity", quantity);
        return CONTRACT.read(fields, "test", 0);
    }

    /** Market data at minute {@code minute}, the clock at its close as a live source would have it. */
    private void market(DeskSession s, int minute, String price) {
        now.set(T0.plusSeconds(60L * (minute + 1)));
        s.onMarketData(bar(minute, price));
    }

    @Test
    void shouldApproveAndFillOnTheNextBar_whenASignalArrivesBetweenBars() {
        DeskSession s = session("approve", RiskLimits.none());
        market(s, 0, "100");
        SignalDecision d = s.ingest(signal("s-1", "BUY", "2"));
        assertThat(d.outcome()).isEqualTo(SignalDecision.Outcome.APPROVED);
        assertThat(d.orderId()).isNotNull();
        assertThat(d.time()).isEqualTo(T0.plusSeconds(60));
        market(s, 1, "101");
        var snapshot = s.snapshot();
        assertThat(snapshot.positions()).singleElement().satisfies(p -> {
            assertThat(p.quantity()).isEqualTo(Quantity.of(2));
            assertThat(p.averagePrice()).isEqualByComparingTo("101"); // the next bar's open
        });
        assertThat(snapshot.marketEvents()).isEqualTo(2);
        assertThat(s.finish().fills()).isEqualTo(1);
    }

    @Test
    void shouldHaveJournaledTheDecision_whenTheAnswerComesBack() {
        DeskSession s = session("durable", RiskLimits.none());
        market(s, 0, "100");
        SignalDecision d = s.ingest(signal("s-1", "BUY", "2"));
        // read by another connection while the session runs: the group commit came before the answer
        List<String> types = Jdbi.create(EventJournals.sqliteUrl(dir.resolve("durable.db")))
                .withHandle(h -> h.createQuery("SELECT type FROM journal_events WHERE sequence >= :s ORDER BY sequence")
                        .bind("s", d.sequence())
                        .mapTo(String.class)
                        .list());
        assertThat(types).startsWith("SignalRaised", "OrderInitialized").contains("OrderSubmitted");
        s.finish();
    }

    @Test
    void shouldGiveTheFirstDecisionAndNeverTradeTwice_whenASignalIdRepeats() {
        DeskSession s = session("repeat", RiskLimits.none());
        market(s, 0, "100");
        SignalDecision first = s.ingest(signal("s-1", "BUY", "2"));
        SignalDecision again = s.ingest(signal("s-1", "BUY", "2"));
        assertThat(again.repeated()).isTrue();
        assertThat(again.asRepeat()).isEqualTo(first.asRepeat());
        assertThatThrownBy(() -> s.ingest(signal("s-1", "SELL", "2")))
                .isInstanceOf(IngestSignalUseCase.SignalConflict.class)
                .hasMessageContaining("s-1");
        assertThat(s.decisionOf("s-1")).isEqualTo(first);
        assertThat(s.decisionOf("never")).isNull();
        market(s, 1, "101");
        RunSummary summary = s.finish();
        assertThat(summary.ordersSubmitted()).isEqualTo(1);
    }

    @Test
    void shouldDenyWithTheRule_whenTheOperatorHaltedTheDesk() {
        DeskSession s = session("halt", RiskLimits.none());
        market(s, 0, "100");
        assertThat(s.changeTradingState(TradingState.HALTED, false, "operator test"))
                .isEqualTo(TradingState.HALTED);
        SignalDecision d = s.ingest(signal("s-1", "BUY", "1"));
        assertThat(d.outcome()).isEqualTo(SignalDecision.Outcome.DENIED);
        assertThat(d.code()).isEqualTo("TRADING_HALTED");
        assertThat(s.changeTradingState(TradingState.ACTIVE, false, "resume")).isEqualTo(TradingState.ACTIVE);
        assertThat(s.ingest(signal("s-2", "BUY", "1")).outcome()).isEqualTo(SignalDecision.Outcome.APPROVED);
        s.finish();
    }

    @Test
    void shouldJournalEveryInputOnce_whenManyThreadsFeedTheSessionAtOnce() throws Exception {
        DeskSession s = session("concurrent", RiskLimits.none());
        market(s, 0, "100");
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Future<SignalDecision>> answers = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            String id = "c-" + i;
            String side = i % 2 == 0 ? "BUY" : "SELL";
            answers.add(clients.submit(() -> s.ingest(signal(id, side, "0.001"))));
        }
        Thread feed = new Thread(() -> {
            for (int m = 1; m <= 50; m++) {
                market(s, m, String.valueOf(100 + m % 3));
            }
        });
        feed.start();
        Set<Long> sequences = new HashSet<>();
        for (Future<SignalDecision> a : answers) {
            sequences.add(a.get(30, TimeUnit.SECONDS).sequence());
        }
        feed.join();
        clients.shutdown();
        RunSummary summary = s.finish();
        assertThat(sequences).hasSize(400);
        long raised = Jdbi.create(EventJournals.sqliteUrl(dir.resolve("concurrent.db")))
                .withHandle(h -> h.createQuery("SELECT count(*) FROM journal_events WHERE type = 'SignalRaised'")
                        .mapTo(Long.class)
                        .one());
        assertThat(raised).isEqualTo(400);
        assertThat(summary.marketEvents()).isEqualTo(51);
    }

    @Test
    void shouldReproduceTheSessionsDigest_whenItsJournalIsReRunThroughAFreshDesk() throws Exception {
        DeskSession s = session("original", RiskLimits.none());
        List<Bar> bars = new ArrayList<>();
        for (int m = 0; m <= 40; m++) {
            bars.add(bar(m, String.valueOf(100 + m % 5)));
        }
        market(s, 0, "100");
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Future<SignalDecision>> answers = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String id = "r-" + i;
            String side = i % 3 == 0 ? "SELL" : "BUY";
            answers.add(clients.submit(() -> s.ingest(signal(id, side, "0.003"))));
        }
        Thread feed = new Thread(() -> {
            for (int m = 1; m <= 40; m++) {
                market(s, m, String.valueOf(100 + m % 5));
                if (m == 20) {
                    s.changeTradingState(TradingState.REDUCING, false, "halfway");
                }
            }
        });
        feed.start();
        for (Future<SignalDecision> a : answers) {
            a.get(30, TimeUnit.SECONDS);
        }
        feed.join();
        clients.shutdown();
        RunSummary original = s.finish();

        String url = EventJournals.sqliteUrl(dir.resolve("original.db"));
        BacktestRequest again = SessionFixtures.request(dir, "original", "rerun", RiskLimits.none());
        RunSummary rerun = new RerunSessionService()
                .rerun(again, EventJournals.history(url, "original"), MarketDataFeeds.inMemory(bars, "the bars"));
        assertThat(rerun.journalDigest()).isEqualTo(original.journalDigest());
        assertThat(rerun.ordersSubmitted()).isEqualTo(original.ordersSubmitted());
        assertThat(rerun.ordersDenied()).isEqualTo(original.ordersDenied());
    }

    @Test
    void shouldJournalTheSwitchAndReRunToTheSameDigest_whenTheMarketDataSourceFailsOver() throws Exception {
        DeskSession s = session("switched", RiskLimits.none());
        market(s, 0, "100");
        s.ingest(signal("w-1", "BUY", "1"));
        s.onFeedSwitch("binance BTCUSDT", "bybit BTCUSDT", "the primary is silent for 5003 ms");
        market(s, 1, "101");
        s.onFeedSwitch("bybit BTCUSDT", "binance BTCUSDT", "the primary flows again");
        market(s, 2, "102");
        RunSummary original = s.finish();
        String url = EventJournals.sqliteUrl(dir.resolve("switched.db"));
        List<String> reasons = Jdbi.create(url)
                .withHandle(h -> h.createQuery("SELECT json_extract(payload, '$.to') || ': ' ||"
                                + " json_extract(payload, '$.reason') FROM journal_events WHERE type = 'FeedSwitched'"
                                + " ORDER BY sequence")
                        .mapTo(String.class)
                        .list());
        assertThat(reasons)
                .containsExactly(
                        "bybit BTCUSDT: the primary is silent for 5003 ms", "binance BTCUSDT: the primary flows again");
        RunSummary rerun = new RerunSessionService()
                .rerun(
                        SessionFixtures.request(dir, "switched", "switched-rerun", RiskLimits.none()),
                        EventJournals.history(url, "switched"),
                        MarketDataFeeds.inMemory(List.of(bar(0, "100"), bar(1, "101"), bar(2, "102")), "the bars"));
        assertThat(rerun.journalDigest()).isEqualTo(original.journalDigest());
    }

    @Test
    void shouldRefuseEveryLaterCall_whenTheSessionFinished() {
        DeskSession s = session("finished", RiskLimits.none());
        market(s, 0, "100");
        s.finish();
        assertThat(s.failure()).isNull();
        assertThatThrownBy(() -> s.ingest(signal("late", "BUY", "1")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the session has finished");
        assertThatThrownBy(() -> s.onMarketData(bar(1, "100"))).hasMessage("the session has finished");
    }
}
