package io.eventdesk.adapters.marketdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventdesk.domain.error.BadInputException;
import io.eventdesk.domain.instrument.AssetClass;
import io.eventdesk.domain.instrument.Instrument;
import io.eventdesk.domain.market.Bar;
import io.eventdesk.domain.market.MarketData;
import io.eventdesk.domain.market.Trade;
import io.eventdesk.domain.port.MarketDataFeedPort;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Side;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayoutsAndFeedsTest {
    private static final Instrument X = ExampleDataFilesTest.instrument("X", AssetClass.EQUITY, "0.01", "1");

    @TempDir
    Path dir;

    private Path file(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    private static DataSource source(
            DataKind kind, Path path, Map<String, String> columns, ZoneId zone, String format, Path secondary) {
        return new DataSource(
                X, kind, path, null, columns, zone, format, null, null, null, ValidationPolicy.STRICT, secondary);
    }

    private static List<MarketData> read(DataSource source) {
        return ExampleDataFilesTest.readAll(source, new DataQualityReport());
    }

    @Nested
    class Layouts {
        @Test
        void shouldReadSemicolonsAndTabs_whenTheHeaderUsesThem() throws IOException {
            Path semi = file("semi.csv", "Date;Open;High;Low;Close\n2024-01-02;10;11;9;10\n2024-01-03;10;12;9;11\n");
            Path tab = file(
                    "tab.tsv", "date\topen\thigh\tlow\tclose\n2024-01-02\t10\t11\t9\t10\n2024-01-03\t10\t12\t9\t11\n");
            assertThat(read(source(DataKind.BARS, semi, Map.of(), null, null, null)))
                    .hasSize(2);
            assertThat(read(source(DataKind.BARS, tab, Map.of(), null, null, null)))
                    .extracting(d -> ((Bar) d).high())
                    .containsExactly(Price.of("11"), Price.of("12"));
        }

        @Test
        void shouldReadGzip_whenTheFileIsCompressedWhateverItsName() throws IOException {
            Path gz = dir.resolve("bars.data");
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
                out.write("time,open,high,low,close\n2024-01-02,10,11,9,10\n2024-01-03,10,12,9,11\n"
                        .getBytes(StandardCharsets.UTF_8));
            }
            assertThat(read(source(DataKind.BARS, gz, Map.of(), null, null, null)))
                    .hasSize(2);
        }

        @Test
        void shouldUseTheExplicitColumns_whenAutoDetectionCannotTell() throws IOException {
            Path odd = file(
                    "odd.csv", "when,px,amount,aggr\n2024-01-02 10:00:00,10.5,3,B\n2024-01-02 10:00:01,10.6,2,S\n");
            assertThatThrownBy(() -> read(source(DataKind.TRADES, odd, Map.of(), null, null, null)))
                    .hasMessageContaining("no 'time' column")
                    .hasMessageContaining("name it with data[].columns.time");
            List<MarketData> trades = read(source(
                    DataKind.TRADES, odd, Map.of("time", "when", "size", "amount", "side", "aggr"), null, null, null));
            assertThat(trades).extracting(t -> ((Trade) t).aggressor()).containsExactly(Side.BUY, Side.SELL);
            assertThatThrownBy(() -> read(source(DataKind.TRADES, odd, Map.of("time", "nope"), null, null, null)))
                    .isInstanceOf(BadInputException.class)
                    .hasMessageContaining("columns.time: no column 'nope' in the header");
        }

        @Test
        void shouldApplyTheTimeZone_whenTimesHaveNoOffset() throws IOException {
            Path local = file(
                    "ny.csv",
                    "time,open,high,low,close\n2024-07-01 09:30:00,10,11,9,10\n" + "2024-07-01 09:31:00,10,11,9,10\n");
            List<MarketData> read =
                    read(source(DataKind.BARS, local, Map.of(), ZoneId.of("America/New_York"), null, null));
            assertThat(((Bar) read.get(0)).openTime()).isEqualTo(Instant.parse("2024-07-01T13:30:00Z")); // EDT
            Path offsets = file(
                    "offsets.csv",
                    "time,open,high,low,close\n2024-07-01 09:30:00+00:00,10,11,9,10\n"
                            + "2024-07-01 09:31:00+00:00,10,11,9,10\n");
            assertThat(((Bar) read(source(DataKind.BARS, offsets, Map.of(), ZoneId.of("America/New_York"), null, null))
                                    .get(0))
                            .openTime())
                    .isEqualTo(Instant.parse("2024-07-01T09:30:00Z")); // an explicit offset wins over the zone
        }

        @Test
        void shouldParseWithTheGivenFormat_whenTheConfigNamesOne() throws IOException {
            Path bars = file(
                    "eu.csv", "time,open,high,low,close\n02/01/2024 16:00,10,11,9,10\n03/01/2024 16:00,10,11,9,10\n");
            List<MarketData> read =
                    read(source(DataKind.BARS, bars, Map.of(), ZoneId.of("Europe/Paris"), "dd/MM/yyyy HH:mm", null));
            assertThat(((Bar) read.get(0)).openTime()).isEqualTo(Instant.parse("2024-01-02T15:00:00Z"));
            Path epochs = file(
                    "us.csv", "time,open,high,low,close\n1704189600000000,10,11,9,10\n1704189660000000,10,11,9,10\n");
            assertThat(((Bar) read(source(DataKind.BARS, epochs, Map.of(), null, "epoch-us", null))
                                    .get(1))
                            .openTime())
                    .isEqualTo(Instant.parse("2024-01-02T10:01:00Z"));
            assertThatThrownBy(() -> read(source(DataKind.BARS, bars, Map.of(), null, "yyyy-MM-dd", null)))
                    .hasMessageContaining(":2: time: '02/01/2024 16:00' does not match the time format 'yyyy-MM-dd'");
        }
    }

    @Nested
    class Feeds {
        @Test
        void shouldFillThePrimarysGapsFromTheSecondary_whenFailoverIsConfigured() throws IOException {
            Path primary = file(
                    "primary.csv",
                    "time,open,high,low,close\n2024-01-02T10:00:00Z,10,11,9,10\n"
                            + "2024-01-02T10:01:00Z,10,11,9,10\n2024-01-02T10:04:00Z,10,11,9,10\n");
            Path secondary = file(
                    "secondary.csv",
                    "time,open,high,low,close\n2024-01-02T10:00:00Z,20,21,19,20\n"
                            + "2024-01-02T10:02:00Z,20,21,19,20\n2024-01-02T10:03:00Z,20,21,19,20\n2024-01-02T10:04:00Z,20,21,19,20\n"
                            + "2024-01-02T10:05:00Z,20,21,19,20\n");
            DataQualityReport report = new DataQualityReport();
            List<MarketData> bars = ExampleDataFilesTest.readAll(
                    source(DataKind.BARS, primary, Map.of(), null, null, secondary), report);
            assertThat(bars)
                    .extracting(b -> ((Bar) b).openTime().toString().substring(11, 16) + "=" + ((Bar) b).open())
                    .containsExactly("10:00=10", "10:01=10", "10:02=20", "10:03=20", "10:04=10", "10:05=20");
            DataQualityReport.FileQuality q = report.files().get(0);
            assertThat(q.count(DataProblem.SUBSTITUTED)).isEqualTo(3);
            assertThat(q.examples(DataProblem.SUBSTITUTED).get(0).message())
                    .startsWith("record at 2024-01-02T10:03:00Z taken from ")
                    .endsWith("secondary.csv line 3");
        }

        @Test
        void shouldDeliverTheSameStreamAsInline_whenReadingAhead() throws IOException {
            StringBuilder csv = new StringBuilder("time,open,high,low,close\n");
            for (int i = 0; i < 5000; i++) {
                csv.append(Instant.parse("2024-01-02T00:00:00Z").plusSeconds(60L * i))
                        .append(",10,11,9,10\n");
            }
            Path big = file("big.csv", csv.toString());
            DataSource s = source(DataKind.BARS, big, Map.of(), null, null, null);
            List<MarketData> inline = new ArrayList<>();
            try (MarketDataFeedPort f = MarketDataFeeds.openInline(List.of(s), new DataQualityReport())) {
                while (f.hasNext()) {
                    inline.add(f.next());
                }
            }
            assertThat(read(s)).isEqualTo(inline).hasSize(5000);
        }

        @Test
        void shouldRaiseAReadErrorAfterEveryRecordBeforeIt_whenReadingAhead() throws IOException {
            StringBuilder csv = new StringBuilder("time,open,high,low,close\n");
            for (int i = 0; i < 3000; i++) {
                csv.append(Instant.parse("2024-01-02T00:00:00Z").plusSeconds(60L * i))
                        .append(",10,11,9,10\n");
            }
            csv.append("2024-01-01T00:00:00Z,10,11,9,10\n");
            Path bad = file("bad.csv", csv.toString());
            List<MarketData> delivered = new ArrayList<>();
            MarketDataFeedPort feed = MarketDataFeeds.open(
                    List.of(source(DataKind.BARS, bad, Map.of(), null, null, null)), new DataQualityReport());
            assertThatThrownBy(() -> {
                        while (feed.hasNext()) {
                            delivered.add(feed.next());
                        }
                    })
                    .isInstanceOf(BadInputException.class)
                    .hasMessageContaining("bad.csv:3002: time: time goes backwards");
            feed.close();
            assertThat(delivered).hasSize(3000);
        }

        @Test
        void shouldStopTheReaderThread_whenClosedEarly() throws IOException {
            StringBuilder csv = new StringBuilder("time,open,high,low,close\n");
            for (int i = 0; i < 100_000; i++) {
                csv.append(Instant.parse("2024-01-02T00:00:00Z").plusSeconds(60L * i))
                        .append(",10,11,9,10\n");
            }
            Path big = file("big.csv", csv.toString());
            MarketDataFeedPort feed = MarketDataFeeds.open(
                    List.of(source(DataKind.BARS, big, Map.of(), null, null, null)), new DataQualityReport());
            feed.next();
            feed.close();
            assertThat(Thread.getAllStackTraces().keySet())
                    .noneMatch(t -> t.getName().equals("eventdesk-read-ahead") && t.isAlive());
        }
    }

    @Test
    void shouldKeepTheBarInterval_whenTheSourceGivesIt() throws IOException {
        Path one = file("one.csv", "time,open,high,low,close\n2024-01-02,10,11,9,10\n");
        DataSource daily = new DataSource(
                X, DataKind.BARS, one, null, Map.of(), null, null, null, Duration.ofDays(1), null, null, null);
        assertThat(((Bar) read(daily).get(0)).closeTime()).isEqualTo(Instant.parse("2024-01-03T00:00:00Z"));
    }
}
