package io.eventdesk.adapters.marketdata.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventdesk.domain.instrument.AssetClass;
import io.eventdesk.domain.instrument.Instrument;
import io.eventdesk.domain.instrument.InstrumentId;
import io.eventdesk.domain.market.Bar;
import io.eventdesk.domain.market.BookUpdate;
import io.eventdesk.domain.market.MarketData;
import io.eventdesk.domain.market.Trade;
import io.eventdesk.domain.port.LiveMarketDataPort;
import io.eventdesk.domain.value.Currency;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import io.eventdesk.domain.value.Side;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The Binance and Bybit streams against a local exchange on loopback ({@link FixtureServer}) playing messages in the
 * exchanges' documented formats: the exact market data the engine receives, and the book each rebuilds.
 */
class ExchangeStreamsTest {
    static final Instrument BTC = new Instrument(
            InstrumentId.of("BTC-USDT"),
            AssetClass.CRYPTO,
            Currency.of("USDT"),
            Price.of("0.01"),
            Quantity.of("0.00001"),
            Quantity.of(1));

    /** What a source delivered, in order. */
    static class Received implements LiveMarketDataPort.Listener {
        final List<MarketData> data = new CopyOnWriteArrayList<>();
        final List<String> switches = new CopyOnWriteArrayList<>();

        @Override
        public void onMarketData(MarketData d) {
            data.add(d);
        }

        @Override
        public void onEnd(RuntimeException failure) {}

        @Override
        public void onSwitch(String from, String to, String reason) {
            switches.add(from + " -> " + to + ": " + reason);
        }

        <T> List<T> of(Class<T> kind) {
            return data.stream().filter(kind::isInstance).map(kind::cast).toList();
        }
    }

    static LiveFeedSpec binance(FixtureServer s, boolean trades, String klines, boolean book) {
        return new LiveFeedSpec(
                "binance",
                BTC,
                "BTCUSDT",
                trades,
                klines,
                book,
                s.webSocket(),
                s.rest(),
                Duration.ofSeconds(10),
                Duration.ofMillis(50),
                Duration.ofMillis(400),
                7,
                "repair");
    }

    static LiveFeedSpec bybit(FixtureServer s) {
        return new LiveFeedSpec(
                "bybit",
                BTC,
                "BTCUSDT",
                true,
                "1m",
                true,
                s.webSocket(),
                null,
                Duration.ofSeconds(10),
                Duration.ofMillis(50),
                Duration.ofMillis(400),
                7,
                "repair");
    }

    static boolean within(Duration bound, java.util.function.BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return done.getAsBoolean();
    }

    private static Received run(LiveMarketDataPort source, Predicate<Received> done) throws InterruptedException {
        Received r = new Received();
        source.start(r);
        within(Duration.ofSeconds(10), () -> done.test(r));
        return r;
    }

    private static BookUpdate.Level level(String p, String q) {
        return new BookUpdate.Level(Price.of(p), Quantity.of(q));
    }

    @Test
    void shouldDeliverTradesClosedBarsAndTheBook_whenABinanceSessionRunsNormally() throws Exception {
        try (FixtureServer s =
                        new FixtureServer(List.of("binance/normal.jsonl"), List.of("binance/snapshot-100.json"));
                var source = (BinanceSpotSource) LiveSources.open(binance(s, true, "1m", true))) {
            Received r = run(source, x -> x.data.size() >= 7);
            assertThat(r.data).hasSize(7);
            Instant t0 = Instant.ofEpochMilli(1672531200000L);
            assertThat(r.data.get(0))
                    .isEqualTo(new Trade(
                            BTC.id(), t0.plusMillis(100), Price.of("16500.10"), Quantity.of("0.01"), Side.BUY));
            assertThat(r.data.get(1))
                    .isEqualTo(new Trade(
                            BTC.id(),
                            t0.plusMillis(200),
                            Price.of("16500.20"),
                            Quantity.of("0.02"),
                            Side.SELL)); // the buyer was the maker: the seller took
            BookUpdate snapshot = (BookUpdate) r.data.get(2);
            assertThat(snapshot.snapshot()).isTrue();
            assertThat(snapshot.updateId()).isEqualTo(100); // the event up to 99 was dropped: older than the snapshot
            assertThat(((BookUpdate) r.data.get(3)).updateId()).isEqualTo(102);
            assertThat(((BookUpdate) r.data.get(4)).updateId()).isEqualTo(104);
            assertThat(r.data.get(5))
                    .isEqualTo(new Bar(
                            BTC.id(),
                            t0,
                            t0.plusSeconds(60),
                            Price.of("16500.10"),
                            Price.of("16501.00"),
                            Price.of("16499.00"),
                            Price.of("16500.30"),
                            Quantity.of("0.045")));
            assertThat(((Trade) r.data.get(6)).price()).isEqualTo(Price.of("16500.30")); // 16500.305 onto the tick
            assertThat(source.book().bids()).containsExactly(level("16499.50", "0.3"), level("16499.00", "1.0"));
            assertThat(source.book().asks()).containsExactly(level("16501.00", "0.5"));
            assertThat(source.status().counters())
                    .containsEntry("prices_rounded_to_tick", 1L)
                    .containsEntry("book_resyncs", 0L);
            assertThat(source.status().connected()).isTrue();
        }
    }

    @Test
    void shouldDropTheMessageOrEndTheStream_whenAPriceIsOffTheGridUnderSkipOrStrict() throws Exception {
        for (String policy : List.of("skip", "strict")) {
            try (FixtureServer s =
                            new FixtureServer(List.of("binance/normal.jsonl"), List.of("binance/snapshot-100.json"));
                    var source = LiveSources.open(new LiveFeedSpec(
                            "binance",
                            BTC,
                            "BTCUSDT",
                            true,
                            "1m",
                            true,
                            s.webSocket(),
                            s.rest(),
                            Duration.ofSeconds(10),
                            Duration.ofMillis(50),
                            Duration.ofMillis(400),
                            7,
                            policy))) {
                List<RuntimeException> ended = new CopyOnWriteArrayList<>();
                Received r = new Received() {
                    @Override
                    public void onEnd(RuntimeException failure) {
                        ended.add(failure);
                    }
                };
                source.start(r);
                within(Duration.ofSeconds(5), () -> r.data.size() >= 6 && (policy.equals("skip") || !ended.isEmpty()));
                Thread.sleep(300);
                assertThat(r.of(Trade.class)).as(policy).hasSize(2); // 16500.305 is off the 0.01 grid
                assertThat(r.data).as(policy).hasSize(6);
                if (policy.equals("skip")) {
                    assertThat(source.status().counters()).containsEntry("messages_skipped", 1L);
                    assertThat(ended).isEmpty();
                    assertThat(source.status().connected()).isTrue();
                } else {
                    assertThat(ended)
                            .singleElement()
                            .satisfies(e -> assertThat(e.getMessage())
                                    .contains("the price 16500.305 is off the BTC-USDT grid of 0.01"));
                    assertThat(s.connections()).isEqualTo(1); // no reconnect after a strict failure
                }
            }
        }
    }

    @Test
    void shouldResyncFromANewSnapshot_whenADiffEventIsMissing() throws Exception {
        try (FixtureServer s = new FixtureServer(
                        List.of("binance/gap.jsonl"),
                        List.of("binance/snapshot-100.json", "binance/snapshot-106.json"));
                var source = (BinanceSpotSource) LiveSources.open(binance(s, false, null, true))) {
            Received r = run(source, x -> x.data.size() >= 4);
            List<BookUpdate> book = r.of(BookUpdate.class);
            assertThat(book)
                    .extracting(BookUpdate::updateId, BookUpdate::snapshot)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(100L, true),
                            org.assertj.core.groups.Tuple.tuple(102L, false),
                            org.assertj.core.groups.Tuple.tuple(106L, true), // U 105 after u 102: a gap, resynced
                            org.assertj.core.groups.Tuple.tuple(108L, false));
            assertThat(s.snapshotRequests.get()).isEqualTo(2);
            assertThat(source.book().bids()).isEmpty(); // 16497 removed by the last event
            assertThat(source.book().asks()).containsExactly(level("16503.00", "4.0"), level("16503.50", "1.0"));
            assertThat(source.status().counters()).containsEntry("book_resyncs", 1L);
        }
    }

    @Test
    void shouldFetchAgain_whenTheSnapshotIsOlderThanTheFirstBufferedEvent() throws Exception {
        try (FixtureServer s = new FixtureServer(
                        List.of("binance/stale.jsonl"),
                        List.of("binance/snapshot-90.json", "binance/snapshot-100.json"));
                var source = (BinanceSpotSource) LiveSources.open(binance(s, false, null, true))) {
            Received r = run(source, x -> x.data.size() >= 2);
            assertThat(r.of(BookUpdate.class)).extracting(BookUpdate::updateId).containsExactly(100L, 101L);
            assertThat(s.snapshotRequests.get()).isEqualTo(2);
            assertThat(source.book().bids()).containsExactly(level("16499.00", "0.7"), level("16498.00", "1.0"));
        }
    }

    @Test
    void shouldDeliverEachTradeOnce_whenAReconnectRepeatsTrades() throws Exception {
        try (FixtureServer s = new FixtureServer(
                        List.of("binance/reconnect-1.jsonl", "binance/reconnect-2.jsonl"), List.of());
                var source = LiveSources.open(binance(s, true, null, false))) {
            Received r = run(source, x -> x.data.size() >= 4);
            Thread.sleep(200);
            assertThat(r.of(Trade.class))
                    .extracting(t -> t.price().toString())
                    .containsExactly("16500.01", "16500.02", "16500.03", "16500.04");
            assertThat(s.connections()).isEqualTo(2);
            assertThat(source.status().counters())
                    .containsEntry("duplicates_dropped", 2L)
                    .containsEntry("reconnects", 1L);
        }
    }

    @Test
    void shouldReconnect_whenTheServerAnnouncesItsShutdown() throws Exception {
        try (FixtureServer s =
                        new FixtureServer(List.of("binance/shutdown-1.jsonl", "binance/shutdown-2.jsonl"), List.of());
                var source = LiveSources.open(binance(s, true, null, false))) {
            Received r = run(source, x -> x.data.size() >= 2);
            assertThat(r.of(Trade.class)).hasSize(2);
            assertThat(s.connections()).isEqualTo(2);
        }
    }

    @Test
    void shouldReportAMalformedMessageAndGoOn_whenOneArrives() throws Exception {
        try (FixtureServer s = new FixtureServer(List.of("binance/malformed.jsonl"), List.of());
                var source = LiveSources.open(binance(s, true, null, false))) {
            Received r = run(source, x -> x.data.size() >= 1);
            assertThat(r.of(Trade.class)).extracting(t -> t.price().toString()).containsExactly("16500.06");
            assertThat(source.status().counters()).containsEntry("malformed_messages", 2L);
            assertThat(source.status().problem()).startsWith("a malformed message");
            assertThat(s.connections()).isEqualTo(1);
        }
    }

    @Test
    void shouldAnswerPings_whenTheServerSendsThem() throws Exception {
        try (FixtureServer s = new FixtureServer(List.of("binance/ping.jsonl"), List.of());
                var source = LiveSources.open(binance(s, true, null, false))) {
            run(source, x -> x.data.size() >= 1);
            assertThat(within(Duration.ofSeconds(5), () -> s.pongs.get() >= 2)).isTrue();
        }
    }

    @Test
    void shouldSubscribeAndKeepTheBook_whenABybitSessionRunsNormally() throws Exception {
        try (FixtureServer s = new FixtureServer(List.of("bybit/normal.jsonl"), List.of());
                var source = (BybitSource) LiveSources.open(bybit(s))) {
            Received r = run(source, x -> x.data.size() >= 5);
            Thread.sleep(200);
            assertThat(s.received)
                    .anySatisfy(
                            m -> assertThat(m)
                                    .isEqualTo(
                                            "{\"op\":\"subscribe\",\"args\":[\"publicTrade.BTCUSDT\",\"kline.1.BTCUSDT\",\"orderbook.50.BTCUSDT\"]}"));
            assertThat(r.data).hasSize(5);
            assertThat(r.data.get(0))
                    .isEqualTo(new Trade(
                            BTC.id(),
                            Instant.ofEpochMilli(1672304486865L),
                            Price.of("16578.50"),
                            Quantity.of("0.001"),
                            Side.BUY));
            assertThat(((BookUpdate) r.data.get(1)).snapshot()).isTrue(); // the delta before it was not applied
            assertThat(((BookUpdate) r.data.get(2)).updateId()).isEqualTo(18521289);
            Instant open = Instant.ofEpochMilli(1672324800000L);
            assertThat(r.data.get(3))
                    .isEqualTo(new Bar(
                            BTC.id(),
                            open,
                            open.plusSeconds(60),
                            Price.of("16649.5"),
                            Price.of("16677"),
                            Price.of("16608"),
                            Price.of("16677"),
                            Quantity.of("2.081")));
            assertThat(((Trade) r.data.get(4)).aggressor()).isEqualTo(Side.SELL); // the repeated trade was dropped
            assertThat(source.book().bids()).containsExactly(level("16493.50", "0.006"));
            assertThat(source.book().asks()).containsExactly(level("16611.00", "0.5"), level("16612.00", "0.213"));
            assertThat(source.status().counters()).containsEntry("duplicates_dropped", 1L);
        }
    }

    @Test
    void shouldResetTheBook_whenBybitRestartsItsService() throws Exception {
        try (FixtureServer s = new FixtureServer(List.of("bybit/reset.jsonl"), List.of());
                var source = (BybitSource) LiveSources.open(bybit(s))) {
            Received r = run(source, x -> x.data.size() >= 4);
            assertThat(r.of(BookUpdate.class)).extracting(BookUpdate::updateId).containsExactly(500L, 501L, 1L, 2L);
            assertThat(source.book().bids()).containsExactly(level("16400.50", "1"), level("16400.00", "3"));
            assertThat(source.book().asks()).containsExactly(level("16700.00", "3"));
        }
    }

    @Test
    void shouldResubscribeForASnapshot_whenABybitDeltaSkips() throws Exception {
        try (FixtureServer s = new FixtureServer(List.of("bybit/skip-1.jsonl", "bybit/skip-2.jsonl"), List.of());
                var source = (BybitSource) LiveSources.open(bybit(s))) {
            Received r = run(source, x -> x.data.size() >= 3);
            assertThat(r.of(BookUpdate.class)).extracting(BookUpdate::updateId).containsExactly(10L, 11L, 20L);
            assertThat(s.connections()).isEqualTo(2);
            assertThat(source.status().counters()).containsEntry("book_resyncs", 1L);
            assertThat(source.book().bids()).containsExactly(level("16490.00", "5"));
        }
    }

    @Test
    void shouldFailOverAndBack_whenThePrimaryGoesSilentAndRecovers() throws Exception {
        try (FixtureServer p = new FixtureServer(List.of("binance/primary.jsonl"), List.of());
                FixtureServer q = new FixtureServer(List.of("binance/secondary.jsonl"), List.of());
                var source = LiveSources.failover(
                        LiveSources.open(binance(p, true, null, false)),
                        LiveSources.open(binance(q, true, null, false)),
                        Duration.ofMillis(500))) {
            Received r = run(source, x -> x.switches.size() >= 2);
            assertThat(r.switches).hasSize(2);
            assertThat(r.switches.get(0)).contains("the primary").contains("is silent for");
            assertThat(r.switches.get(1)).contains("flows again");
            List<String> prices =
                    r.of(Trade.class).stream().map(t -> t.price().toString()).toList();
            // first the primary's, then the secondary's (16600.xx) while it is silent, then the primary's again
            assertThat(prices.subList(0, 3)).containsExactly("16500.01", "16500.02", "16500.03");
            assertThat(prices).anySatisfy(x -> assertThat(x).startsWith("16600."));
            Thread.sleep(300);
            List<String> later =
                    r.of(Trade.class).stream().map(t -> t.price().toString()).toList();
            assertThat(later.get(later.size() - 1)).startsWith("16500.");
            assertThat(source.status().counters()).containsEntry("switches", 2L).containsEntry("on_secondary", 0L);
        }
    }
}
