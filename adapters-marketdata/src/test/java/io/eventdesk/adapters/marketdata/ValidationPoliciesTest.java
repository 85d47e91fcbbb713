package io.eventdesk.adapters.marketdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventdesk.domain.error.BadInputException;
import io.eventdesk.domain.instrument.AssetClass;
import io.eventdesk.domain.instrument.Instrument;
import io.eventdesk.domain.market.Bar;
import io.eventdesk.domain.market.MarketData;
import io.eventdesk.domain.market.Quote;
import io.eventdesk.domain.market.Trade;
import io.eventdesk.domain.value.Price;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each validation problem, in a small broken file, under each policy: strict stops at it naming file, line and
 * field; repair normalizes what it can and drops the rest; skip drops every bad row; both report it.
 */
class ValidationPoliciesTest {
    private static final Instrument X = ExampleDataFilesTest.instrument("X", AssetClass.EQUITY, "0.01", "1");
    private static final String BARS = "time,open,high,low,close,volume\n";

    @TempDir
    Path dir;

    private DataSource source(DataKind kind, String content, ValidationPolicy policy, Duration maxGap)
            throws IOException {
        Path file = dir.resolve(kind.configName() + "-" + policy + ".csv");
        Files.writeString(file, content);
        return new DataSource(X, kind, file, null, Map.of(), null, null, null, null, maxGap, policy, null);
    }

    private record Outcome(List<MarketData> records, DataQualityReport report) {
        DataQualityReport.FileQuality file() {
            return report.files().get(0);
        }
    }

    private Outcome read(DataKind kind, String content, ValidationPolicy policy) throws IOException {
        return read(kind, content, policy, null);
    }

    private Outcome read(DataKind kind, String content, ValidationPolicy policy, Duration maxGap) throws IOException {
        DataQualityReport report = new DataQualityReport();
        List<MarketData> records = ExampleDataFilesTest.readAll(source(kind, content, policy, maxGap), report);
        return new Outcome(records, report);
    }

    /** A bar file with a good first and last row around one bad row at line 3. */
    private static String barsAround(String bad) {
        return BARS + "2024-01-02,10,11,9,10,100\n" + bad + "\n2024-01-04,10,11,9,10,100\n2024-01-05,10,11,9,10,100\n";
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "non-positive price|2024-01-03,0,11,9,10,100|NON_POSITIVE_PRICE|open|price must be positive, got 0|3",
                "non-finite price|2024-01-03,NaN,11,9,10,100|BAD_NUMBER|open|expected a finite number, got 'NaN'|3",
                "high below low|2024-01-03,10,9,11,10,100|INCONSISTENT_BAR|high|high 9 is below low 11|4",
                "close outside the range|2024-01-03,10,11,9,12,100|INCONSISTENT_BAR|close|close 12 is outside low 9 .. high 11|4",
                "price off the tick grid|2024-01-03,10.005,11,9,10,100|OFF_TICK_PRICE|open|price 10.005 is off the tick grid 0.01|4",
                "duplicate record|2024-01-02,10,11,9,10,100|DUPLICATE|time|duplicate record 2024-01-02T00:00:00Z (line 2)|3",
                "out-of-order time|2024-01-01,10,11,9,10,100|OUT_OF_ORDER|time|time goes backwards|3",
                "unparseable time|02/01/2024,10,11,9,10,100|BAD_TIME|time|is not a time|3",
                "negative volume|2024-01-03,10,11,9,10,-5|NEGATIVE_SIZE|volume|volume must not be negative, got -5|3",
                "short row|2024-01-03,10,11,9|MALFORMED_ROW|-|expected 6 fields as in the header, got 4|3",
            })
    void shouldStopRepairOrSkip_whenABarFileHasAProblem(
            String what, String bad, DataProblem problem, String field, String message, int repairedKeeps)
            throws IOException {
        String content = barsAround(bad);
        assertThatThrownBy(() -> read(DataKind.BARS, content, ValidationPolicy.STRICT))
                .as(what)
                .isInstanceOf(BadInputException.class)
                .satisfies(e -> {
                    BadInputException b = (BadInputException) e;
                    assertThat(b.line()).isEqualTo(3);
                    assertThat(b.field()).isEqualTo(field.equals("-") ? null : field);
                    assertThat(b.source()).endsWith(".csv");
                })
                .hasMessageContaining(message);

        Outcome repaired = read(DataKind.BARS, content, ValidationPolicy.REPAIR);
        assertThat(repaired.file().count(problem)).as(what).isEqualTo(1);
        assertThat(repaired.file().examples(problem)).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.message()).contains(message);
        });
        // repair keeps the row when it can be normalized (off-grid prices, inconsistent ranges)
        assertThat(repaired.records()).as(what).hasSize(repairedKeeps);

        Outcome skipped = read(DataKind.BARS, content, ValidationPolicy.SKIP);
        assertThat(skipped.file().count(problem)).as(what).isEqualTo(1);
        assertThat(skipped.records()).as(what).hasSize(3);
        assertThat(skipped.file().rowsRead()).isEqualTo(4);
        assertThat(skipped.file().rowsKept()).isEqualTo(skipped.records().size());
    }

    @Test
    void shouldRoundToTheTickAndWidenTheRange_whenRepairing() throws IOException {
        Outcome repaired = read(
                DataKind.BARS,
                BARS + "2024-01-02,10.004,11,9,10,100\n2024-01-03,10,9,11,12,100\n",
                ValidationPolicy.REPAIR);
        Bar first = (Bar) repaired.records().get(0);
        assertThat(first.open()).isEqualTo(Price.of("10"));
        Bar second = (Bar) repaired.records().get(1);
        assertThat(List.of(second.low(), second.high())).containsExactly(Price.of("9"), Price.of("12"));
    }

    @Test
    void shouldReportGapsButKeepTheRows_whenRepairingOrSkipping() throws IOException {
        String content = BARS + "2024-01-02,10,11,9,10,1\n2024-01-03,10,11,9,10,1\n2024-01-08,10,11,9,10,1\n";
        assertThatThrownBy(() -> read(DataKind.BARS, content, ValidationPolicy.STRICT, Duration.ofDays(3)))
                .hasMessageContaining(":4: time: gap of PT120H after 2024-01-03T00:00:00Z (line 3), longer than PT72H");
        Outcome skipped = read(DataKind.BARS, content, ValidationPolicy.SKIP, Duration.ofDays(3));
        assertThat(skipped.records()).hasSize(3);
        assertThat(skipped.file().count(DataProblem.GAP)).isEqualTo(1);
        assertThat(read(DataKind.BARS, content, ValidationPolicy.STRICT).records())
                .hasSize(3); // no max-gap: no check
    }

    @Test
    void shouldDropCrossedQuotesAndKeepTicksSharingATime_whenReadingQuotes() throws IOException {
        String content = "time,bid,ask\n"
                + "2024-01-02T10:00:00Z,10.00,10.02\n"
                + "2024-01-02T10:00:00Z,10.01,10.02\n" // same time, another quote: fine
                + "2024-01-02T10:00:00Z,10.01,10.02\n" // the same quote again: a duplicate
                + "2024-01-02T10:00:01Z,10.05,10.03\n"; // crossed
        assertThatThrownBy(() -> read(DataKind.QUOTES, content, ValidationPolicy.STRICT))
                .hasMessageContaining(":4: time: duplicate record");
        Outcome skipped = read(DataKind.QUOTES, content, ValidationPolicy.SKIP);
        assertThat(skipped.records()).hasSize(2).allSatisfy(q -> assertThat(q).isInstanceOf(Quote.class));
        assertThat(skipped.file().count(DataProblem.DUPLICATE)).isEqualTo(1);
        assertThat(skipped.file().count(DataProblem.CROSSED_QUOTE)).isEqualTo(1);
        assertThat(skipped.file().examples(DataProblem.CROSSED_QUOTE).get(0).message())
                .isEqualTo("bid 10.05 is above ask 10.03");
    }

    @Test
    void shouldRefuseTradesWithoutAPositiveSize_whenReadingTrades() throws IOException {
        String content = "timestamp,price,qty,side\n"
                + "1704189600000,10.00,5,buy\n"
                + "1704189600500,10.01,0,sell\n"
                + "1704189601000,10.02,3,\n";
        Outcome skipped = read(DataKind.TRADES, content, ValidationPolicy.SKIP);
        assertThat(skipped.records()).hasSize(2);
        assertThat(((Trade) skipped.records().get(1)).aggressor()).isNull();
        assertThat(skipped.file().count(DataProblem.NEGATIVE_SIZE)).isEqualTo(1);
    }

    @Test
    void shouldDescribeTheProblemsForPeople_whenAReportIsPrinted() throws IOException {
        Outcome skipped = read(DataKind.BARS, barsAround("2024-01-03,10,9,11,10,100"), ValidationPolicy.SKIP);
        assertThat(skipped.report().describe())
                .contains("4 rows read, 3 kept (skip)")
                .contains("high/low inconsistent with open/close: 1 (first: line 3, high: high 9 is below low 11)");
        assertThat(skipped.report().toMap()).containsEntry("problems", 1L);
    }
}
