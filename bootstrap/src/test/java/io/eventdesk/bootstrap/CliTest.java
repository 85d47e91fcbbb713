package io.eventdesk.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CliTest {
    @TempDir
    Path dir;

    private static final String GOOD = """
            name: cli
            account:
              initial-cash: 10000
              base-currency: USD
            instruments:
              - id: TEST
                asset-class: equity
                currency: USD
                tick-size: 0.01
            data:
              - instrument: TEST
                kind: bars
                path: bars.csv
            strategy:
              type: sma-cross
              params: {fast: 2, slow: 3, quantity: 1}
            risk:
              max-leverage: 1
            """;

    @BeforeEach
    void writeBars() throws IOException {
        StringBuilder csv = new StringBuilder("time,open,high,low,close\n");
        for (int i = 0; i < 100; i++) {
            int p = 100 + (i % 9);
            csv.append(java.time.Instant.parse("2024-01-02T00:00:00Z").plusSeconds(60L * i))
                    .append(',')
                    .append(p)
                    .append(',')
                    .append(p + 1)
                    .append(',')
                    .append(p - 1)
                    .append(',')
                    .append(p)
                    .append('\n');
        }
        Files.writeString(dir.resolve("bars.csv"), csv);
    }

    private Path config(String yaml) throws IOException {
        Path f = dir.resolve("config.yaml");
        Files.writeString(f, yaml);
        return f;
    }

    private RunFolder run(String yaml) throws IOException {
        return RunFolder.backtest(config(yaml), dir.resolve("out"));
    }

    @Nested
    class Success {
        @Test
        void shouldExitZeroAndPrintTheSummary_whenTheConfigIsGood() throws IOException {
            RunFolder r = run(GOOD);
            assertThat(r.exitCode).as(r.err).isEqualTo(0);
            assertThat(r.out)
                    .contains("run cli: 100 market events")
                    .contains("journal: ")
                    .contains("digest ");
            for (String f : new String[] {
                "summary.json", "fills.csv", "orders.csv", "decisions.jsonl", "equity.csv", "journal.db"
            }) {
                assertThat(r.dir.resolve(f)).exists();
            }
        }

        @Test
        void shouldAcceptJson_whenTheConfigFileIsJson() throws IOException {
            Path json = dir.resolve("config.json");
            Files.writeString(
                    json,
                    new com.fasterxml.jackson.databind.ObjectMapper()
                            .writeValueAsString(new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readTree(GOOD)));
            RunFolder r = RunFolder.backtest(json, dir.resolve("json"));
            assertThat(r.exitCode).as(r.err).isZero();
        }

        @Test
        void shouldPrintUsageAndVersion_whenAsked() {
            RunFolder help = RunFolder.cli(dir, "--help");
            assertThat(help.exitCode).isZero();
            assertThat(help.out).contains("backtest");
            RunFolder sub = RunFolder.cli(dir, "backtest", "--help");
            assertThat(sub.out).contains("--config").contains("--out");
            RunFolder version = RunFolder.cli(dir, "--version");
            assertThat(version.exitCode).isZero();
            assertThat(version.out).startsWith("eventdesk ");
        }
    }

    @Nested
    class BadInput {
        @ParameterizedTest(name = "{0}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "a typo in a risk limit|max-leverage: 1|max-levrage: 1|risk.max-levrage: unknown key (expected one of:"
                            + " daily-loss-limit, instruments, max-concentration, max-drawdown, max-gross-exposure, max-leverage,"
                            + " max-net-exposure, max-order-notional, max-order-quantity, max-position, on-daily-loss,"
                            + " on-drawdown, price-band-bps, strategies, throttle)",
                    "an unknown breach action|max-leverage: 1|on-drawdown: panic|risk.on-drawdown: expected one of"
                            + " deny, reduce, halt, halt-and-flatten, got 'panic'",
                    "a throttle without a count|max-leverage: 1|throttle: {per-seconds: 60}|risk.throttle.orders:"
                            + " a positive whole number of orders is required",
                    "a concentration above one|max-leverage: 1|max-concentration: 2|risk.max-concentration: is a"
                            + " fraction of gross exposure",
                    "a negative limit|max-leverage: 1|max-leverage: -1|risk.max-leverage: must be positive, got -1",
                    "the merged gross exposure limit|max-leverage: 1|max-gross-exposure: 0.9|risk.max-gross-exposure:"
                            + " this limit is risk.max-leverage, which computes the same ratio (gross exposure / equity"
                            + " after the order): write max-leverage: 0.9 instead",
                    "a negative position limit|max-leverage: 1|max-position: {default: -1}|"
                            + "risk.max-position: must not be negative, got -1 for default",
                    "a drawdown above one|max-leverage: 1|max-drawdown: 1.5|risk.max-drawdown: is a fraction of peak equity in (0, 1], got 1.5",
                    "an unknown instrument|path: bars.csv|path: nope.csv|data[0].path: file not found",
                    "an unknown strategy|type: sma-cross|type: smacross|strategy.type: unknown strategy 'smacross'",
                    "a missing class|type: sma-cross|type: com.example.Missing|strategy.type: no class com.example.Missing",
                    "a bad parameter|{fast: 2, slow: 3, quantity: 1}|{fast: two, slow: 3, quantity: 1}|strategy.params.fast:"
                            + " expected a positive integer, got 'two'",
                    "a missing section|initial-cash: 10000|initial-cashh: 10000|account.initial-cashh: unknown key",
                    "a bad asset class|asset-class: equity|asset-class: bond|instruments[0].asset-class: expected one of",
                    "a currency with no rate|'    currency: USD'|'    currency: EUR'|instruments[0].currency: EUR needs a rate to USD: trade a EUR/USD (or USD/EUR) pair in the run, or give fx-rates: {EUR: ...}",
                    "an unknown account type|initial-cash: 10000|type: borrowed|account.type: expected one of cash, margin",
                })
        void shouldExitTwoNamingTheKey_whenTheConfigIsWrong(String what, String from, String to, String message)
                throws IOException {
            String yaml = GOOD.replace(from, to);
            assertThat(yaml).as("fixture for " + what).isNotEqualTo(GOOD);
            RunFolder r = run(yaml);
            assertThat(r.exitCode).isEqualTo(2);
            assertThat(r.err).startsWith("error: ").contains(message).doesNotContain("\tat ");
            assertThat(r.err.lines().count()).isEqualTo(1);
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "both latency forms|{latency-ms: 1, latency: {submit-ms: 2}}|execution.latency: give either"
                            + " latency-ms or latency, not both",
                    "a negative cancel latency|{latency: {submit-ms: 2, cancel-ms: -1}}|execution.latency.cancel-ms:"
                            + " must not be negative, got -1",
                    "an unknown jitter|{latency: {jitter: {distribution: gaussian, ms: 2}}}|"
                            + "execution.latency.jitter.distribution: expected one of uniform, exponential, got"
                            + " 'gaussian'",
                    "an unknown slippage model|{slippage: {model: magic}}|execution.slippage.model: expected one of"
                            + " fixed-bps, spread, square-root, got 'magic'",
                    "a square root without coefficient|{slippage: {model: square-root}}|"
                            + "execution.slippage.coefficient: missing (required)",
                    "a participation above one|{participation: 1.5}|execution.participation: a fraction of the"
                            + " volume, within (0, 1], got 1.5",
                    "fees for an unknown instrument|{fees: {instruments: {NOPE: {type: bps, rate: 1}}}}|"
                            + "execution.fees.instruments.NOPE: unknown instrument 'NOPE'",
                    "a maker-taker fee without taker rate|{fees: {default: {type: maker-taker, maker-bps: 1}}}|"
                            + "execution.fees.default.taker-bps: missing (required)",
                    "an unknown bar path|{bar-path: random}|execution.bar-path: expected one of auto, ohlc, olhc",
                    "an unknown time zone|{sessions: {default: {timezone: Mars/Olympus, end: '16:00'}}}|"
                            + "execution.sessions.default.timezone: Unknown time-zone ID: Mars/Olympus",
                    "a bad session end|{sessions: {default: {end: '25:00'}}}|execution.sessions.default.end:",
                })
        void shouldExitTwoNamingTheKey_whenTheExecutionSectionIsWrong(String what, String execution, String message)
                throws IOException {
            RunFolder r = run(GOOD + "execution: " + execution + "\n");
            assertThat(r.exitCode).as(what + ": " + r.err).isEqualTo(2);
            assertThat(r.err).startsWith("error: ").contains(message).doesNotContain("\tat ");
        }

        @Test
        void shouldExitTwo_whenBothStrategyFormsAreGiven() throws IOException {
            RunFolder r = run(GOOD + "strategies:\n  - {id: a, type: momentum}\n");
            assertThat(r.exitCode).isEqualTo(2);
            assertThat(r.err)
                    .contains("strategies: give either strategy (one) or strategies (a list with ids), not both");
        }

        @Test
        void shouldExitTwo_whenAStrategyLimitNamesNoStrategy() throws IOException {
            RunFolder r =
                    run(GOOD.replace("max-leverage: 1", "max-leverage: 1\n  strategies: {nope: {max-leverage: 1}}"));
            assertThat(r.exitCode).isEqualTo(2);
            assertThat(r.err).contains("risk.strategies.nope: no strategy with id 'nope' (strategies: [sma-cross])");
        }

        @Test
        void shouldExitTwo_whenTheConfigFileIsMissingOrNotYaml() throws IOException {
            RunFolder missing = RunFolder.backtest(dir.resolve("nope.yaml"), dir.resolve("out"));
            assertThat(missing.exitCode).isEqualTo(2);
            assertThat(missing.err).contains("nope.yaml: config file not found");
            RunFolder broken = run("name: [unclosed\n");
            assertThat(broken.exitCode).isEqualTo(2);
            assertThat(broken.err).contains("config.yaml:").contains("not valid YAML");
        }

        @Test
        void shouldExitTwo_whenAnOptionIsMissing() {
            RunFolder r = RunFolder.cli(dir, "backtest");
            assertThat(r.exitCode).isEqualTo(2);
            assertThat(r.err).contains("Missing required option: '--config=FILE'");
            assertThat(RunFolder.cli(dir).exitCode).isEqualTo(2);
        }

        @Test
        void shouldExitTwoNamingFileLineAndFieldAndKeepTheJournal_whenABarIsBadMidway() throws IOException {
            Path bars = dir.resolve("bars.csv");
            String csv = Files.readString(bars)
                    .replace("2024-01-02T01:20:00Z,108,109,107,108", "2024-01-02T01:20:00Z,108,109,110,108");
            Files.writeString(bars, csv);
            RunFolder r = run(GOOD);
            assertThat(r.exitCode).isEqualTo(2);
            assertThat(csv).contains("01:20:00Z,108,109,110,108");
            assertThat(r.err.strip()).isEqualTo("error: " + bars + ":82: high: high 109 is below low 110");
            long journaled = Jdbi.create("jdbc:sqlite:" + r.dir.resolve("journal.db"))
                    .withHandle(
                            h -> h.createQuery("SELECT (SELECT count(*) FROM journal_events WHERE type = 'RunFailed')"
                                            + " + (SELECT market_events FROM journal_run)")
                                    .mapTo(Long.class)
                                    .one());
            assertThat(journaled).isEqualTo(81); // the 80 good bars before the bad one, and the failure
        }
    }

    @Test
    void shouldExitOneWithoutAStackTrace_whenAStrategyHasABug() throws IOException {
        RunFolder r = run(GOOD.replace(
                "type: sma-cross\n  params: {fast: 2, slow: 3, quantity: 1}",
                "type: io.eventdesk.bootstrap.strategies.ExplodingStrategy"));
        assertThat(r.exitCode).as(r.err).isEqualTo(1);
        assertThat(r.err)
                .contains("error: strategy ExplodingStrategy failed on the market data of TEST at")
                .contains("it threw IllegalStateException: bug in user strategy")
                .doesNotContain("\tat ");
    }
}
