package io.eventdesk.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kill switch through the whole desk: by command, and automatically on a breached daily loss limit. */
class KillSwitchTest {
    private static final Instant T0 = Instant.parse("2024-03-04T00:00:00Z");

    @TempDir
    Path dir;

    /** Hourly flat bars over two days, at {@code priceAtHour} for each hour. */
    private void bars(IntFunction<String> priceAtHour) throws IOException {
        StringBuilder csv = new StringBuilder("time,open,high,low,close\n");
        for (int h = 0; h < 48; h++) {
            String p = priceAtHour.apply(h);
            csv.append(T0.plusSeconds(3600L * h))
                    .append(',')
                    .append(p)
                    .append(',')
                    .append(p)
                    .append(',')
                    .append(p)
                    .append(',')
                    .append(p)
                    .append('\n');
        }
        Files.writeString(dir.resolve("bars.csv"), csv);
    }

    private RunFolder run(String extraRisk, String killSwitch) throws IOException {
        Path config = dir.resolve("config.yaml");
        Files.writeString(config, """
                name: kill
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
                  type: momentum
                  params: {lookback: 1, threshold: 0, quantity: 100}
                risk:
                  max-order-quantity: 1000
                %s
                %s
                """.formatted(
                        extraRisk.strip().replace("\n", "\n  ").replaceFirst("^", "  "), killSwitch.strip()));
        RunFolder run = RunFolder.backtest(config, dir.resolve("out"));
        assertThat(run.exitCode).as(run.err).isZero();
        return run;
    }

    private List<JsonNode> journal(RunFolder run, String type) {
        ObjectMapper json = new ObjectMapper();
        return Jdbi.create("jdbc:sqlite:" + run.dir.resolve("journal.db"))
                .withHandle(h -> h.createQuery("SELECT payload FROM journal_events WHERE type = :t ORDER BY sequence")
                        .bind("t", type)
                        .mapTo(String.class)
                        .list())
                .stream()
                .map(p -> {
                    try {
                        return json.readTree(p);
                    } catch (IOException e) {
                        throw new AssertionError(e);
                    }
                })
                .toList();
    }

    @Test
    void shouldCancelFlattenAndDenyAfterwards_whenAHaltWithFlattenIsCommanded() throws IOException {
        bars(h -> h < 2 ? "100" : "101"); // up once at hour 2: momentum buys 100 at hour 3's open
        RunFolder run = run("", """
                kill-switch:
                  - at: "2024-03-04T10:30:00Z"
                    state: halted
                    flatten: true
                    reason: risk desk says stop
                """);
        List<JsonNode> changes = journal(run, "TradingStateChanged");
        assertThat(changes).singleElement().satisfies(c -> {
            assertThat(c.get("from").asText()).isEqualTo("ACTIVE");
            assertThat(c.get("to").asText()).isEqualTo("HALTED");
            assertThat(c.get("cause").asText()).isEqualTo("command: risk desk says stop");
            assertThat(c.get("time").asText()).isEqualTo("2024-03-04T10:30:00Z");
        });
        List<Map<String, String>> fills = run.csv("fills.csv");
        assertThat(fills).extracting(f -> f.get("side")).containsExactly("BUY", "SELL");
        assertThat(run.summary().get("final_equity").decimalValue())
                .isEqualByComparingTo(run.summary().get("final_cash").decimalValue()); // flat
        JsonNode flatten = run.decisions().stream()
                .filter(d -> d.get("signal").asText().equals("flatten"))
                .findFirst()
                .orElseThrow();
        assertThat(flatten.get("decision").asText()).isEqualTo("APPROVED");
        assertThat(flatten.get("strategy").asText()).isEqualTo("momentum"); // closed in the owner's name
        assertThat(flatten.get("reason").asText()).isEqualTo("kill switch: command: risk desk says stop");
    }

    @Test
    void shouldHaltForTheRestOfTheSessionAndResumeTheNextDay_whenTheDailyLossLimitIsBreached() throws IOException {
        // hour 2 up: buy 100 at 101 (hour 3's open); the price then falls at hour 6 to 90: a loss of 1100
        bars(h -> h < 2 ? "100" : h < 6 ? "101" : h < 30 ? "90" : "95");
        RunFolder run = run("""
                daily-loss-limit: 1000
                on-daily-loss: halt-and-flatten
                """, "");
        List<JsonNode> changes = journal(run, "TradingStateChanged");
        assertThat(changes).hasSize(2);
        assertThat(changes.get(0).get("to").asText()).isEqualTo("HALTED");
        assertThat(changes.get(0).get("cause").asText())
                .isEqualTo("daily loss 1100 > limit 1000 (until the session ends)");
        assertThat(changes.get(1).get("to").asText()).isEqualTo("ACTIVE");
        assertThat(changes.get(1).get("time").asText()).startsWith("2024-03-05T");
        assertThat(run.csv("fills.csv"))
                .extracting(f -> f.get("side") + " " + f.get("price"))
                .startsWith("BUY 101", "SELL 90");
    }
}
