package io.eventdesk.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code eventdesk data generate|inspect}, and the data section of a backtest config, through the CLI. */
class DataCommandsTest {
    @TempDir
    Path dir;

    @Test
    void shouldWriteTheSameFileTwiceAndReadItBack_whenGeneratingWithASeed() throws IOException {
        RunFolder a = RunFolder.cli(
                dir,
                "data",
                "generate",
                "--kind",
                "trades",
                "--count",
                "500",
                "--seed",
                "9",
                "--out",
                dir.resolve("a.csv.gz").toString());
        RunFolder b = RunFolder.cli(
                dir,
                "data",
                "generate",
                "--kind",
                "trades",
                "--count",
                "500",
                "--seed",
                "9",
                "--out",
                dir.resolve("b.csv.gz").toString());
        assertThat(a.exitCode).as(a.err).isZero();
        assertThat(a.out).contains("wrote 500 trades of seed 9");
        assertThat(Files.readAllBytes(dir.resolve("a.csv.gz"))).isEqualTo(Files.readAllBytes(dir.resolve("b.csv.gz")));
        RunFolder inspect =
                RunFolder.cli(dir, "data", "inspect", dir.resolve("a.csv.gz").toString());
        assertThat(inspect.exitCode).as(inspect.err).isZero();
        assertThat(inspect.out)
                .contains("(gzip)")
                .contains("trades (detected)")
                .contains("500 read, 500 records")
                .contains("range:      2024-01-01T00:00:00Z .. 2024-01-01T08:19:00Z")
                .contains("problems:   none");
    }

    @Test
    void shouldShowLayoutRangeAndProblems_whenInspectingAFileWithFloatNoise() {
        RunFolder r = RunFolder.cli(
                dir, "data", "inspect", "../examples/data/sp500-weekly-19500103_20260310.csv", "--tick", "0.01");
        assertThat(r.exitCode).as(r.err).isZero();
        assertThat(r.out)
                .contains("bars (detected)")
                .contains("column 'end_time' is the bar's close")
                .contains("3977 read, 3977 records")
                .contains("prices normalized onto the tick grid (float noise)");
        RunFolder broken = RunFolder.cli(
                dir, "data", "inspect", "../examples/data/btc-perp-20211231-20220201_1m.csv", "--tick", "1");
        assertThat(broken.out)
                .contains("price off the tick grid: 41 (first: line 244, open: price 46821.75 is off the tick grid 1")
                .contains("45031 read, 45018 records");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "an unknown kind|kind: bars|kind: candles|data[0].kind: expected one of bars, trades, quotes, quote-bars, book",
                "an unknown policy|kind: bars|validation: lenient|data[0].validation: expected one of strict, repair, skip",
                "an unknown column field|kind: bars|columns: {stamp: when}|data[0].columns.stamp: unknown field",
                "a bad time zone|kind: bars|timezone: Nowhere/Land|data[0].timezone:",
                "a bad time format|kind: bars|time-format: epoch-hours|data[0].time-format:",
                "a bad max gap|kind: bars|max-gap: soon|data[0].max-gap:",
                "quote bars with one path|kind: bars|kind: quote-bars|data[0].path: quote bars come as bid-path and ask-path",
                "a missing secondary|kind: bars|secondary: nope.csv|data[0].secondary: file not found",
            })
    void shouldExitTwoNamingTheKey_whenTheDataSectionIsWrong(String what, String from, String to, String message)
            throws IOException {
        Files.writeString(
                dir.resolve("bars.csv"), "time,open,high,low,close\n2024-01-02,10,11,9,10\n2024-01-03,10,11,9,10\n");
        String yaml = """
                name: data-config
                account: {initial-cash: 10000, base-currency: USD}
                instruments:
                  - {id: TEST, asset-class: equity, currency: USD, tick-size: 0.01}
                data:
                  - instrument: TEST
                    kind: bars
                    path: bars.csv
                strategy: {type: sma-cross, params: {fast: 2, slow: 3, quantity: 1}}
                """.replace("    " + from, "    " + (to.startsWith("kind:") ? to : from + "\n    " + to));
        Path config = dir.resolve("config.yaml");
        Files.writeString(config, yaml);
        RunFolder r = RunFolder.backtest(config, dir.resolve("out"));
        assertThat(r.exitCode).as(what + ": " + r.err).isEqualTo(2);
        assertThat(r.err).startsWith("error: ").contains(message).doesNotContain("\tat ");
    }

    @Test
    void shouldWriteTheDataQualityReportIntoTheRunFolder_whenTheRunRepairsData() throws IOException {
        Files.writeString(
                dir.resolve("bars.csv"),
                "time;open;high;low;close\n2024-01-02;10;11;9;10\n2024-01-03;10;9;11;10\n2024-01-03;10;11;9;10\n"
                        + "2024-01-04;10;11;9;10\n2024-01-05;10.004;11;9;10\n");
        Path config = dir.resolve("config.yaml");
        Files.writeString(config, """
                name: repaired
                account: {initial-cash: 10000, base-currency: USD}
                instruments:
                  - {id: TEST, asset-class: equity, currency: USD, tick-size: 0.01}
                data:
                  - {instrument: TEST, kind: bars, path: bars.csv, validation: repair}
                strategy: {type: sma-cross, params: {fast: 2, slow: 3, quantity: 1}}
                """);
        RunFolder r = RunFolder.backtest(config, dir.resolve("out"));
        assertThat(r.exitCode).as(r.err).isZero();
        assertThat(r.out).contains("data quality: 3 problems handled by the validation policy (see data-quality.json)");
        JsonNode q = new ObjectMapper()
                .readTree(dir.resolve("out").resolve("data-quality.json").toFile());
        JsonNode file = q.get("files").get(0);
        assertThat(file.get("rows_read").asLong()).isEqualTo(5);
        assertThat(file.get("rows_kept").asLong()).isEqualTo(4);
        assertThat(file.get("problems")
                        .get("inconsistent_bar")
                        .get("first")
                        .get(0)
                        .get("line")
                        .asLong())
                .isEqualTo(3);
        assertThat(file.get("problems").get("duplicate").get("count").asLong()).isEqualTo(1);
        assertThat(file.get("problems")
                        .get("off_tick_price")
                        .get("first")
                        .get(0)
                        .get("message")
                        .asText())
                .isEqualTo("price 10.004 is off the tick grid 0.01 of TEST (nearest tick 10)");
        assertThat(r.summary().get("market_events").asLong()).isEqualTo(4);
    }
}
