package io.eventdesk.adapters.marketdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventdesk.domain.error.BadInputException;
import io.eventdesk.domain.instrument.AssetClass;
import io.eventdesk.domain.instrument.Instrument;
import io.eventdesk.domain.instrument.InstrumentId;
import io.eventdesk.domain.market.Bar;
import io.eventdesk.domain.market.MarketData;
import io.eventdesk.domain.port.MarketDataFeedPort;
import io.eventdesk.domain.value.Currency;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BarReaderTest {
    @TempDir
    Path dir;

    private static Instrument instrument(String id, String tick) {
        return new Instrument(
                InstrumentId.of(id),
                AssetClass.CRYPTO,
                Currency.of("USD"),
                Price.of(tick),
                Quantity.of("0.001"),
                Quantity.of(1));
    }

    private Path file(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    private List<Bar> read(Path file, String tick) {
        return read(new BarSource(instrument("X", tick), file, BarTime.AUTO, null));
    }

    private static List<Bar> read(BarSource... sources) {
        List<Bar> bars = new ArrayList<>();
        try (MarketDataFeedPort feed = MarketDataFeeds.bars(List.of(sources))) {
            while (feed.hasNext()) {
                MarketData d = feed.next();
                bars.add((Bar) d);
            }
        }
        return bars;
    }

    @Nested
    class Layouts {
        @Test
        void shouldReadOpenTimesWithAFraction_whenTheLayoutIsNautilusBtcPerp() throws IOException {
            List<Bar> bars = read(file("btc.csv", """
                    timestamp,open,high,low,close,volume
                    2021-12-31 23:01:00.000000,46319.0,46385.0,46319.0,46377.0,2300413.7295
                    2021-12-31 23:02:00.000000,46377.0,46411.0,46377.0,46411.0,1829623.1938
                    """), "0.001");
            assertThat(bars).hasSize(2);
            Bar b = bars.get(0);
            assertThat(b.openTime()).isEqualTo(Instant.parse("2021-12-31T23:01:00Z"));
            assertThat(b.closeTime()).isEqualTo(Instant.parse("2021-12-31T23:02:00Z"));
            assertThat(b.open()).isEqualTo(Price.of("46319"));
            assertThat(b.volume()).isEqualTo(Quantity.of("2300413.7295"));
        }

        @Test
        void shouldReadUtcWithoutOffset_whenTheColumnIsTimestampUtc() throws IOException {
            List<Bar> bars = read(file("6e.csv", """
                    timestamp_utc,open,high,low,close,volume
                    2024-01-01 23:01:00,1.1076,1.10785,1.1076,1.1078,205
                    2024-01-01 23:02:00,1.10775,1.1078,1.1077,1.10775,86
                    """), "0.00005");
            assertThat(bars.get(1).openTime()).isEqualTo(Instant.parse("2024-01-01T23:02:00Z"));
            assertThat(bars.get(1).close()).isEqualTo(Price.of("1.10775"));
        }

        @Test
        void shouldReadOffsetsAndNoVolume_whenTheLayoutIsFxBars() throws IOException {
            List<Bar> bars = read(file("gbpusd.csv", """
                    timestamp,open,high,low,close
                    2012-02-01 00:00:00+00:00,1.57597,1.57606,1.57576,1.57576
                    2012-02-01 01:01:00+01:00,1.57576,1.57583,1.57543,1.57543
                    2012-02-01 00:03:00+00:00,1.57543,1.57551,1.57542,1.57548
                    """), "0.00001");
            assertThat(bars)
                    .extracting(Bar::openTime)
                    .containsExactly(
                            Instant.parse("2012-02-01T00:00:00Z"),
                            Instant.parse("2012-02-01T00:01:00Z"),
                            Instant.parse("2012-02-01T00:03:00Z"));
            assertThat(bars.get(0).volume()).isNull();
        }

        @Test
        void shouldTreatEndTimeAsTheClose_whenTheColumnIsEndTime() throws IOException {
            List<Bar> bars = read(file("eth.csv", """
                    end_time,open,high,low,close,volume
                    2016-05-19T00:00:00Z,12.5,14.93,12.5,13.18,482.52182654
                    2016-05-20T00:00:00Z,13.18,14.9,13.0,14.9,950.44120523
                    """), "0.01");
            assertThat(bars.get(0).openTime()).isEqualTo(Instant.parse("2016-05-18T00:00:00Z"));
            assertThat(bars.get(0).closeTime()).isEqualTo(Instant.parse("2016-05-19T00:00:00Z"));
        }

        @Test
        void shouldNormalizeFloatNoiseToTheTick_whenPricesWentThroughAFloat() throws IOException {
            List<Bar> bars = read(file("spx.csv", """
                    end_time,open,high,low,close,volume
                    1950-01-02T05:00:00Z,16.65999984741211,17.09000015258789,16.65999984741211,17.09000015258789,9040000.0
                    1950-01-09T05:00:00Z,17.07999992370606,259.2000122070313,16.64999961853027,16.64999961853027,14790000.0
                    """), "0.01");
            assertThat(bars.get(0).open()).isEqualTo(Price.of("16.66"));
            assertThat(bars.get(1).high()).isEqualTo(Price.of("259.2"));
            assertThat(bars.get(1).openTime()).isEqualTo(Instant.parse("1950-01-02T05:00:00Z"));
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "time|1704153600|1704153660",
                    "date|1704153600000|1704153660000",
                    "timestamp|2024-01-02|2024-01-03",
                    "datetime|2024-01-02T00:00Z|2024-01-02T00:01+0000",
                })
        void shouldAcceptTheLayout_whenHeaderAndTimeFormatVary(String header, String t1, String t2) throws IOException {
            List<Bar> bars = read(
                    file("x.csv", header + ",Open,HIGH,low,close\n" + t1 + ",10,11,9,10\n" + t2 + ",10,12,10,11\n"),
                    "0.01");
            assertThat(bars.get(0).openTime()).isEqualTo(Instant.parse("2024-01-02T00:00:00Z"));
            assertThat(bars.get(1).close()).isEqualTo(Price.of("11"));
        }

        @Test
        void shouldReadEveryBundledExample_whenTheFilesAreReplayedWhole() {
            Path data = Path.of("..", "examples", "data");
            assertThat(read(new BarSource(
                            instrument("BTC", "0.001"),
                            data.resolve("btc-perp-20211231-20220201_1m.csv"),
                            BarTime.AUTO,
                            null)))
                    .hasSize(45_031);
            assertThat(read(new BarSource(
                            instrument("SPX", "0.01"),
                            data.resolve("sp500-weekly-19500103_20260310.csv"),
                            BarTime.AUTO,
                            null)))
                    .hasSize(3_977);
            assertThat(read(new BarSource(
                            instrument("ETH", "0.01"),
                            data.resolve("eth-usd-daily-20160517_20260310.csv"),
                            BarTime.AUTO,
                            null)))
                    .hasSize(3_582);
        }
    }

    @Nested
    class BadRows {
        private BadInputException error(String content) throws IOException {
            Path p = file("bad.csv", content);
            try {
                read(p, "0.01");
            } catch (BadInputException e) {
                assertThat(e.source()).isEqualTo(p.toString());
                return e;
            }
            throw new AssertionError("no error for " + content);
        }

        @Test
        void shouldNameFileLineAndField_whenAPriceIsNotANumber() throws IOException {
            BadInputException e = error("time,open,high,low,close\n2024-01-02,10,11,9,10\n2024-01-03,10,1x,9,10\n");
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.field()).isEqualTo("high");
            assertThat(e.getMessage()).endsWith("bad.csv:3: high: expected a decimal number, got '1x'");
        }

        @Test
        void shouldRefuse_whenHighIsBelowLow() throws IOException {
            assertThat(error("time,open,high,low,close\n2024-01-02,10,9,11,10\n2024-01-03,10,11,9,10\n")
                            .getMessage())
                    .contains(":2: high: high 9 is below low 11");
        }

        @Test
        void shouldRefuse_whenTheCloseIsOutsideTheRange() throws IOException {
            assertThat(error("time,open,high,low,close\n2024-01-02,10,11,9,12\n2024-01-03,10,11,9,10\n")
                            .field())
                    .isEqualTo("close");
        }

        @Test
        void shouldRefuse_whenAPriceIsNotPositive() throws IOException {
            assertThat(error("time,open,high,low,close\n2024-01-02,0,11,0,10\n2024-01-03,10,11,9,10\n")
                            .getMessage())
                    .contains("open: price must be positive");
        }

        @Test
        void shouldRefuse_whenTimesRepeatOrGoBack() throws IOException {
            assertThat(error("time,open,high,low,close\n2024-01-02,10,11,9,10\n2024-01-03,10,11,9,10\n"
                                    + "2024-01-03,10,11,9,10\n")
                            .getMessage())
                    .contains(":4: time: duplicate record 2024-01-03T00:00:00Z (line 3)");
            assertThat(error("time,open,high,low,close\n2024-01-02,10,11,9,10\n2024-01-04,10,11,9,10\n"
                                    + "2024-01-03,10,11,9,10\n")
                            .getMessage())
                    .contains(":4: time: time goes backwards");
        }

        @Test
        void shouldRefuse_whenATimeCannotBeParsed() throws IOException {
            BadInputException e = error("time,open,high,low,close\n2024-01-02,10,11,9,10\n02/01/2024,10,11,9,10\n");
            assertThat(e.field()).isEqualTo("time");
            assertThat(e.getMessage()).contains("is not a time: expected an ISO date");
        }

        @Test
        void shouldRefuse_whenAPriceIsOffTheTickGrid() throws IOException {
            assertThat(error("time,open,high,low,close\n2024-01-02,10.005,11,9,10\n2024-01-03,10,11,9,10\n")
                            .getMessage())
                    .contains("open: price 10.005 is off the tick grid 0.01 of X");
        }

        @Test
        void shouldRefuse_whenAColumnIsMissing() throws IOException {
            BadInputException e = error("time,open,high,close\n2024-01-02,10,11,10\n");
            assertThat(e.field()).isEqualTo("header");
            assertThat(e.getMessage()).contains("no 'low' column");
        }

        @Test
        void shouldRefuse_whenThereIsNoTimeColumn() throws IOException {
            assertThat(error("when,open,high,low,close\n2024-01-02,10,11,9,10\n")
                            .getMessage())
                    .contains("no 'time' column; looked for [time, timestamp");
        }

        @Test
        void shouldRefuse_whenARowHasTheWrongNumberOfFields() throws IOException {
            assertThat(error("time,open,high,low,close\n2024-01-02,10,11,9,10\n2024-01-03,10,11,9\n")
                            .getMessage())
                    .contains(":3: expected 5 fields as in the header, got 4");
        }

        @Test
        void shouldAskForTheInterval_whenASingleBarCannotTellIt() throws IOException {
            assertThat(error("time,open,high,low,close\n2024-01-02,10,11,9,10\n")
                            .getMessage())
                    .contains("set data[].bar-interval");
        }

        @Test
        void shouldRefuse_whenTheFileIsEmptyOrMissing() throws IOException {
            assertThat(error("").getMessage()).contains("the file is empty");
            assertThatThrownBy(() -> read(dir.resolve("nope.csv"), "0.01"))
                    .hasMessageEndingWith("nope.csv: file not found");
        }
    }

    @Test
    void shouldMergeByCloseTimeWithTiesInSourceOrder_whenSeveralFilesAreReplayed() throws IOException {
        Path minutes = file(
                "m.csv",
                "time,open,high,low,close\n2024-01-02T00:00Z,1,1,1,1\n2024-01-02T00:01Z,2,2,2,2\n"
                        + "2024-01-02T00:02Z,3,3,3,3\n");
        Path twoMinutes = file(
                "h.csv", "end_time,open,high,low,close\n2024-01-02T00:02Z,5,5,5,5\n" + "2024-01-02T00:04Z,6,6,6,6\n");
        List<Bar> bars = read(
                new BarSource(instrument("B", "1"), twoMinutes, BarTime.AUTO, null),
                new BarSource(instrument("A", "1"), minutes, BarTime.AUTO, Duration.ofMinutes(1)));
        assertThat(bars)
                .extracting(b ->
                        b.instrument().value() + "@" + b.closeTime().toString().substring(11, 16))
                .containsExactly("A@00:01", "B@00:02", "A@00:02", "A@00:03", "B@00:04");
    }
}
