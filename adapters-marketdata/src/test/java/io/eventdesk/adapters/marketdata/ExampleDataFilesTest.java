package io.eventdesk.adapters.marketdata;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventdesk.domain.instrument.AssetClass;
import io.eventdesk.domain.instrument.Instrument;
import io.eventdesk.domain.instrument.InstrumentId;
import io.eventdesk.domain.market.Bar;
import io.eventdesk.domain.market.BookUpdate;
import io.eventdesk.domain.market.MarketData;
import io.eventdesk.domain.market.OrderBook;
import io.eventdesk.domain.market.Quote;
import io.eventdesk.domain.market.QuoteBar;
import io.eventdesk.domain.port.MarketDataFeedPort;
import io.eventdesk.domain.value.Currency;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every file of real data the project ships ({@code examples/data}, copied from the shared data set) is read whole
 * with no hand editing and the strict policy: only its kind and instrument are configured.
 */
class ExampleDataFilesTest {
    private static final Path DATA = Path.of("..", "examples", "data");

    static Instrument instrument(String id, AssetClass assetClass, String tick, String lot) {
        return new Instrument(
                InstrumentId.of(id), assetClass, Currency.of("USD"), Price.of(tick), Quantity.of(lot), Quantity.of(1));
    }

    static DataSource source(Instrument instrument, DataKind kind, String file, String askFile) {
        return new DataSource(
                instrument,
                kind,
                DATA.resolve(file),
                askFile == null ? null : DATA.resolve(askFile),
                Map.of(),
                null,
                null,
                null,
                null,
                null,
                ValidationPolicy.STRICT,
                null);
    }

    static List<MarketData> readAll(DataSource source, DataQualityReport report) {
        List<MarketData> all = new ArrayList<>();
        try (MarketDataFeedPort feed = MarketDataFeeds.open(List.of(source), report)) {
            while (feed.hasNext()) {
                all.add(feed.next());
            }
        }
        return all;
    }

    private static List<MarketData> read(DataSource source) {
        return readAll(source, new DataQualityReport());
    }

    @Test
    void shouldReadTheBtcPerpetualBars_whenTimesHaveAFractionAndNoOffset() {
        List<MarketData> bars = read(source(
                instrument("BTC-PERP", AssetClass.CRYPTO, "0.001", "0.001"),
                DataKind.BARS,
                "btc-perp-20211231-20220201_1m.csv",
                null));
        assertThat(bars).hasSize(45_031);
        Bar first = (Bar) bars.get(0);
        assertThat(first.openTime()).isEqualTo(Instant.parse("2021-12-31T23:01:00Z"));
        assertThat(first.close()).isEqualTo(Price.of("46377"));
    }

    @Test
    void shouldReadTheFuturesBars_whenTheTimeColumnIsTimestampUtcAndTheTickIsFiveHundredthsOfAPip() {
        List<MarketData> bars = read(source(
                instrument("6EH4", AssetClass.FUTURE, "0.00005", "1"),
                DataKind.BARS,
                "6EH4.XCME_1min_bars_20240101_20240131.csv",
                null));
        assertThat(bars).hasSize(29_996);
        Bar first = (Bar) bars.get(0);
        assertThat(first.openTime()).isEqualTo(Instant.parse("2024-01-01T23:01:00Z"));
        assertThat(first.high()).isEqualTo(Price.of("1.10785"));
        assertThat(first.volume()).isEqualTo(Quantity.of(205));
    }

    @Test
    void shouldReadDailyAndWeeklyBarsStampedWithTheirClose_whenTheColumnIsEndTime() {
        DataQualityReport report = new DataQualityReport();
        List<MarketData> weekly = readAll(
                source(
                        instrument("SPX", AssetClass.EQUITY, "0.01", "1"),
                        DataKind.BARS,
                        "sp500-weekly-19500103_20260310.csv",
                        null),
                report);
        assertThat(weekly).hasSize(3_977);
        assertThat(((Bar) weekly.get(0)).open()).isEqualTo(Price.of("16.66")); // 16.65999984741211
        assertThat(report.files().get(0).pricesNormalized()).isPositive();
        assertThat(report.problems()).isZero();
        List<MarketData> daily = read(source(
                instrument("ETH-USD", AssetClass.CRYPTO, "0.01", "0.0001"),
                DataKind.BARS,
                "eth-usd-daily-20160517_20260310.csv",
                null));
        assertThat(daily).hasSize(3_582);
        assertThat(((Bar) daily.get(0)).closeTime()).isEqualTo(Instant.parse("2016-05-19T00:00:00Z"));
    }

    @Test
    void shouldCombineBidAndAskFilesIntoQuoteBars_whenTheKindIsQuoteBars() {
        DataSource gbp = source(
                instrument("GBP/USD", AssetClass.FX, "0.00001", "1"),
                DataKind.QUOTE_BARS,
                "gbpusd-m1-bid-2012.csv",
                "gbpusd-m1-ask-2012.csv");
        // the two files were sampled separately: 676 minutes open or close with the bid above the ask
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> read(gbp))
                .hasMessageContaining("gbpusd-m1-bid-2012.csv:")
                .hasMessageContaining("above the ask bar's");
        DataQualityReport report = new DataQualityReport();
        List<MarketData> bars = readAll(gbp.withValidation(ValidationPolicy.REPAIR), report);
        assertThat(bars).hasSize(30_117 - 676);
        assertThat(report.files().get(0).count(DataProblem.CROSSED_QUOTE)).isEqualTo(676);
        QuoteBar first = (QuoteBar) bars.get(0);
        assertThat(first.openTime()).isEqualTo(Instant.parse("2012-02-01T00:00:00Z"));
        assertThat(first.bid().open()).isEqualTo(Price.of("1.57597"));
        assertThat(first.ask().open()).isEqualTo(Price.of("1.57608"));
        assertThat(first.bid().volume()).isNull();
        assertThat(first.mid().close()).isEqualTo(Price.of("1.575805"));
    }

    @Test
    void shouldReadQuoteTicks_whenTheKindIsQuotes() {
        List<MarketData> quotes = read(source(
                instrument("USD/JPY", AssetClass.FX, "0.001", "1"), DataKind.QUOTES, "usdjpy-ticks-2013.csv", null));
        assertThat(quotes).hasSize(1_000);
        Quote first = (Quote) quotes.get(0);
        assertThat(first.time()).isEqualTo(Instant.parse("2013-01-01T22:00:00.295Z"));
        assertThat(first.bid()).isEqualTo(Price.of("86.655"));
        assertThat(first.ask()).isEqualTo(Price.of("86.728"));
    }

    @Test
    void shouldRebuildTheBinanceBook_whenASnapshotAndAnUpdateAreReplayed() {
        Instrument btc = instrument("BTCUSDT", AssetClass.CRYPTO, "0.1", "0.001");
        List<MarketData> snap = read(source(btc, DataKind.BOOK, "btcusdt-depth-snap.csv", null));
        List<MarketData> update = read(source(btc, DataKind.BOOK, "btcusdt-depth-update.csv", null));
        assertThat(snap).singleElement().satisfies(m -> {
            BookUpdate u = (BookUpdate) m;
            assertThat(u.snapshot()).isTrue();
            assertThat(u.bids()).hasSize(100);
            assertThat(u.time()).isEqualTo(Instant.ofEpochMilli(1667346579146L));
            assertThat(u.updateId()).isEqualTo(2098021528332L);
        });
        assertThat(update)
                .singleElement()
                .satisfies(m -> assertThat(((BookUpdate) m).asks()).hasSize(77));
        OrderBook book = new OrderBook(btc.id());
        book.apply((BookUpdate) snap.get(0));
        book.apply((BookUpdate) update.get(0));
        Quote top = book.top(((BookUpdate) update.get(0)).time());
        assertThat(top.bid()).isEqualTo(Price.of("20472.1")); // the update raised the bid side
        assertThat(top.ask()).isGreaterThan(top.bid());
        assertThat(book.asks().values())
                .allSatisfy(q -> assertThat(q.isPositive()).isTrue()); // zeros removed
    }

    @Test
    void shouldMergeEveryKindIntoOneTimeOrderedStream_whenAllFilesAreReplayedTogether() {
        List<DataSource> all = List.of(
                source(
                        instrument("6EH4", AssetClass.FUTURE, "0.00005", "1"),
                        DataKind.BARS,
                        "6EH4.XCME_1min_bars_20240101_20240131.csv",
                        null),
                source(
                                instrument("GBP/USD", AssetClass.FX, "0.00001", "1"),
                                DataKind.QUOTE_BARS,
                                "gbpusd-m1-bid-2012.csv",
                                "gbpusd-m1-ask-2012.csv")
                        .withValidation(ValidationPolicy.SKIP),
                source(
                        instrument("USD/JPY", AssetClass.FX, "0.001", "1"),
                        DataKind.QUOTES,
                        "usdjpy-ticks-2013.csv",
                        null));
        List<MarketData> merged = new ArrayList<>();
        try (MarketDataFeedPort feed = MarketDataFeeds.open(all, new DataQualityReport())) {
            while (feed.hasNext()) {
                merged.add(feed.next());
            }
        }
        assertThat(merged).hasSize(29_996 + 30_117 - 676 + 1_000);
        for (int i = 1; i < merged.size(); i++) {
            assertThat(merged.get(i).knownTime())
                    .isAfterOrEqualTo(merged.get(i - 1).knownTime());
        }
    }
}
