package io.eventdesk.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Malformed and unusual inputs real users produce, each with the exit code and the one line it must give: bad input
 * exits 2 naming the file, line and field or key; a failing user strategy exits 1 naming the strategy, the market
 * event it was handling and what it did, with the journal ending in RunFailed and the run folder marked FAILED.
 * Inputs that should simply work (a byte-order mark, CRLF, gzip, blank lines at the end, no final newline) do.
 */
class BadInputCorpusTest {
    @TempDir
    Path dir;

    private static final String CONFIG = """
            name: corpus
            seed: 7
            account:
              initial-cash: 100000
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
            """;

    private static String bars(int count, String newline) {
        return Fixtures.minuteBars(count, newline);
    }

    private RunFolder run(String config) throws IOException {
        Path file = dir.resolve("config.yaml");
        Files.writeString(file, config);
        return RunFolder.backtest(file, dir.resolve("out"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "a seed beyond 64 bits|seed: 7|seed: 18446744073709551617|config.yaml: seed: expected a whole number that fits in 64 bits",
                "two bar sources for one instrument|strategy:|'  - {instrument: TEST, kind: bars, path: bars.csv}\nstrategy:'|config.yaml: data\\[1\\].instrument: TEST already has bars from data\\[0\\]",
                "a journal in a folder that does not exist|strategy:|'journal: {url: \"jdbc:sqlite:/no/such/folder/j.db\"}\nstrategy:'|config.yaml: journal.url: .*the folder /no/such/folder does not exist",
                "an unreachable PostgreSQL|strategy:|'journal: {url: \"jdbc:postgresql://127.0.0.1:1/test?user=postgres\"}\nstrategy:'|config.yaml: journal.url: jdbc:postgresql://127.0.0.1:1/test: cannot open the journal",
                "a strategy parameter of the wrong type|fast: 2|fast: two|config.yaml: strategy.params.fast: expected a positive integer, got 'two'",
                "a YAML syntax error|'  initial-cash: 100000'|'  initial-cash: 100000\n   base-currency: USD'|config.yaml:5: not valid YAML: mapping values are not allowed here \\(column \\d+\\)",
                "the merged limit|strategy:|'risk: {max-gross-exposure: 0.5}\nstrategy:'|config.yaml: risk.max-gross-exposure: this limit is risk.max-leverage",
            })
    void shouldExitTwoWithOneLocatedLine_whenTheConfigIsBad(String what, String from, String to, String pattern)
            throws IOException {
        Files.writeString(dir.resolve("bars.csv"), bars(100, "\n"));
        String config = CONFIG.replace(from, to.replace("\\n", "\n"));
        assertThat(config).as(what).isNotEqualTo(CONFIG);
        RunFolder r = run(config);
        assertThat(r.exitCode).as(r.err).isEqualTo(2);
        assertThat(r.err.lines().count()).as(r.err).isEqualTo(1);
        assertThat(r.err).startsWith("error: ").containsPattern(pattern).doesNotContain("Exception", "\tat ");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "a denormal price|'2024-01-02T00:03:00Z,1e-320,101,99,100'|bars.csv:5: open: price 1e-320 is below one tick \\(0.01\\) of TEST",
                "a repeated column|HEADER:time,open,high,low,close,close|bars.csv:1: header: column 'close' appears twice \\(columns 5 and 6\\)",
                "an overlong field|LONG|bars.csv:5: a field is longer than 16 MiB",
                "a price that is not a number|'2024-01-02T00:03:00Z,ten,101,99,100'|bars.csv:5: open",
            })
    void shouldExitTwoNamingTheFileAndLine_whenTheDataIsBad(String what, String row, String pattern)
            throws IOException {
        String csv = bars(100, "\n");
        if (row.startsWith("HEADER:")) {
            csv = csv.replaceFirst("time,open,high,low,close", row.substring(7))
                    .replace(",100\n", ",100,100\n")
                    .replace(",101\n", ",101,101\n")
                    .replace(",102\n", ",102,102\n")
                    .replace(",103\n", ",103,103\n")
                    .replace(",104\n", ",104,104\n")
                    .replace(",105\n", ",105,105\n")
                    .replace(",106\n", ",106,106\n")
                    .replace(",107\n", ",107,107\n")
                    .replace(",108\n", ",108,108\n");
        } else {
            List<String> lines = new java.util.ArrayList<>(csv.lines().toList());
            lines.set(4, row.equals("LONG") ? "2024-01-02T00:03:00Z,100,101,99," + "1".repeat(17_000_000) : row);
            csv = String.join("\n", lines) + "\n";
        }
        Files.writeString(dir.resolve("bars.csv"), csv);
        RunFolder r = run(CONFIG);
        assertThat(r.exitCode).as(what + ": " + r.err).isEqualTo(2);
        assertThat(r.err.lines().count()).as(r.err).isEqualTo(1);
        assertThat(r.err).startsWith("error: ").containsPattern(pattern).doesNotContain("Exception", "\tat ");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "throw|it threw IllegalStateException: bug in user strategy",
                "error|it threw AssertionError: an assertion in user code",
                "returns-null|it returned null instead of a list of signals",
                "null-signal|it returned a null signal",
                "recurse|it threw StackOverflowError",
                "undeclared|it raised a signal for GHOST, which is not an instrument of the run \\(instruments: \\[TEST\\]\\)",
                "foreign-order|it asked to change O-999, which is not one of its open orders",
            })
    void shouldExitOneNamingTheStrategyAndTheEvent_whenAUserStrategyFails(String how, String pattern)
            throws IOException {
        Files.writeString(dir.resolve("bars.csv"), bars(100, "\n"));
        RunFolder r = run(CONFIG.replace(
                "type: sma-cross\n  params: {fast: 2, slow: 3, quantity: 1}",
                "type: io.eventdesk.bootstrap.strategies.MisbehavingStrategy\n  params: {how: " + how + "}"));
        assertThat(r.exitCode).as(r.err).isEqualTo(1);
        List<String> lines = r.err.lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0))
                .startsWith("error: strategy MisbehavingStrategy failed on the market data of TEST at"
                        + " 2024-01-02T00:05:00Z: ")
                .containsPattern(pattern);
        assertThat(lines.get(1)).isEqualTo("(set EVENTDESK_DEBUG=1 for the stack trace)");
        Path out = dir.resolve("out");
        assertThat(new ObjectMapper()
                        .readTree(out.resolve("status.json").toFile())
                        .get("status")
                        .asText())
                .isEqualTo("FAILED");
        List<String> types = Jdbi.create("jdbc:sqlite:" + out.resolve("journal.db"))
                .withHandle(h -> h.createQuery("SELECT type FROM journal_events ORDER BY sequence")
                        .mapTo(String.class)
                        .list());
        assertThat(types.get(types.size() - 1)).isEqualTo("RunFailed");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"refuse-to-start"})
    void shouldExitTwoNamingTheKeyAndTheClass_whenAUserStrategyCannotStart(String how) throws IOException {
        Files.writeString(dir.resolve("bars.csv"), bars(100, "\n"));
        RunFolder r = run(CONFIG.replace(
                "type: sma-cross\n  params: {fast: 2, slow: 3, quantity: 1}",
                "type: io.eventdesk.bootstrap.strategies.MisbehavingStrategy\n  params: {how: " + how + "}"));
        assertThat(r.exitCode).isEqualTo(2);
        assertThat(r.err.lines().findFirst().orElse(""))
                .endsWith("config.yaml: strategy.type: strategy io.eventdesk.bootstrap.strategies.MisbehavingStrategy"
                        + " failed to start: its constructor threw IllegalStateException: cannot start today");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"byte-order mark", "CRLF", "gzip", "blank lines at the end", "no final newline"})
    void shouldRunAsUsual_whenTheDataFileIsUnusualButFine(String how) throws IOException {
        String csv = switch (how) {
            case "byte-order mark" -> "\uFEFF" + bars(100, "\n");
            case "CRLF" -> bars(100, "\r\n");
            case "blank lines at the end" -> bars(100, "\n") + "\n\n\n";
            case "no final newline" -> bars(100, "\n").stripTrailing();
            default -> bars(100, "\n");
        };
        if (how.equals("gzip")) {
            try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(dir.resolve("bars.csv")))) {
                o.write(csv.getBytes(StandardCharsets.UTF_8));
            }
        } else {
            Files.writeString(dir.resolve("bars.csv"), csv);
        }
        RunFolder r = run(CONFIG);
        assertThat(r.exitCode).as(r.err).isZero();
        assertThat(r.summary().get("market_events").asLong()).isEqualTo(100);
    }
}
