package io.eventdesk.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The strategy-agnostic mode: a file of signals from outside replayed against the market data. */
class SignalsFileTest {
    private static final Instant T0 = Instant.parse("2024-03-01T00:00:00Z");

    @TempDir
    Path dir;

    @BeforeEach
    void writeBars() throws IOException {
        StringBuilder csv = new StringBuilder("time,open,high,low,close\n");
        for (int i = 0; i < 30; i++) {
            int p = 100 + i;
            csv.append(T0.plusSeconds(60L * i))
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

    private RunFolder run(String signals, long latencyMs) throws IOException {
        Files.writeString(dir.resolve("signals.jsonl"), signals);
        Path config = dir.resolve("config.yaml");
        Files.writeString(config, """
                name: signals
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
                  type: signals
                  params: {path: signals.jsonl}
                risk:
                  max-order-quantity: 1000
                execution:
                  latency-ms: %d
                """.formatted(latencyMs));
        return RunFolder.backtest(config, dir.resolve("out"));
    }

    @Test
    void shouldFillAtTheFirstBarOpeningAfterTheSignalsTimePlusLatency_whenStampedMidBar() throws IOException {
        RunFolder run = run("""
                {"signal_id": "s1", "time": "2024-03-01T00:05:10Z", "strategy_id": "research", "instrument": "TEST", "side": "BUY", "quantity": 10}
                """, 30_000);
        assertThat(run.exitCode).as(run.err).isZero();
        // decided at 00:05:10, arrives 00:05:40: the bar opening at 00:06 is the first it may trade in
        assertThat(run.csv("fills.csv")).singleElement().satisfies(f -> {
            assertThat(f.get("time")).isEqualTo("2024-03-01T00:06:00Z");
            assertThat(f.get("price")).isEqualTo("106");
            assertThat(f.get("strategy")).isEqualTo("research");
        });
    }

    @Test
    void shouldCarryStopsAndTheirTermsToTheVenue_whenASignalAsksForAProtectiveStopLimit() throws IOException {
        // buy 10 at 00:02's open (102); then a reduce-only stop-limit sell, GTD: triggers when the rising market
        // reaches 110.5 and sells at its limit 110 or better
        RunFolder run = run("""
                {"signal_id": "in", "time": "2024-03-01T00:01:30Z", "strategy_id": "r", "instrument": "TEST", "side": "BUY", "quantity": 10}
                {"signal_id": "out", "time": "2024-03-01T00:04:30Z", "strategy_id": "r", "instrument": "TEST", "side": "FLAT", "order": {"type": "STOP_LIMIT", "stop_price": 110.5, "limit_price": 110, "time_in_force": "GTD", "expire_time": "2024-03-01T01:00:00Z", "reduce_only": true}}
                """, 0);
        assertThat(run.exitCode).as(run.err).isZero();
        assertThat(run.csv("orders.csv"))
                .filteredOn(o -> o.get("order_id").equals("O-2"))
                .singleElement()
                .satisfies(o -> {
                    assertThat(o.get("type")).isEqualTo("STOP_LIMIT");
                    assertThat(o.get("trigger_price")).isEqualTo("110.5");
                    assertThat(o.get("limit_price")).isEqualTo("110");
                    assertThat(o.get("time_in_force")).isEqualTo("GTD");
                    assertThat(o.get("status")).isEqualTo("FILLED");
                });
        // the bar opening at 00:10 (open 110, high 111) reaches the trigger 110.5 on its way up; the path then falls
        // back to its low 109, through the limit 110: filled at 110, as a maker, at the bar's close
        assertThat(run.csv("fills.csv"))
                .extracting(
                        f -> f.get("side") + " " + f.get("quantity") + " " + f.get("price") + " " + f.get("liquidity"))
                .containsExactly("BUY 10 102 TAKER", "SELL 10 110 MAKER");
        assertThat(run.summary().get("positions").get(0).get("quantity").decimalValue())
                .isZero();
    }

    @Test
    void shouldSizeConstrainAndNeverTradeADuplicateTwice_whenTheFileHasEveryKindOfSignal() throws IOException {
        RunFolder run = run("""
                # research output
                {"signal_id": "a", "time": "2024-03-01T00:02:30Z", "strategy_id": "r", "instrument": "TEST", "side": "BUY", "target_exposure": 0.1, "confidence": 0.8, "time_horizon": "SWING"}
                {"signal_id": "a", "time": "2024-03-01T00:03:30Z", "strategy_id": "r", "instrument": "TEST", "side": "BUY", "target_exposure": 0.2}
                {"signal_id": "b", "time": "2024-03-01T00:10:30Z", "strategy_id": "r", "instrument": "TEST", "side": "BUY", "quantity": 500, "constraints": {"max_notional": 5500}}
                {"signal_id": "c", "time": "2024-03-01T00:20:30Z", "strategy_id": "r", "instrument": "TEST", "side": "FLAT", "order": {"type": "LIMIT", "limit_price": 119.5, "time_in_force": "GTC"}}
                """, 0);
        assertThat(run.exitCode).as(run.err).isZero();
        List<Map<String, String>> fills = run.csv("fills.csv");
        // a: 0.1 × 100,000 / 101 (the close of the bar that ended at 00:02) = 99.01 → 99 shares at 00:03's open
        // b: target 500 → buy 401 more, cut by max_notional 5,500 at the last close 109 → 50
        // c: flat with a limit at 119.5, filled when a bar's range reaches it
        assertThat(fills)
                .extracting(f -> f.get("side") + " " + f.get("quantity") + " " + f.get("time"))
                .containsExactly(
                        "BUY 99 2024-03-01T00:03:00Z", "BUY 50 2024-03-01T00:11:00Z", "SELL 149 2024-03-01T00:21:00Z");
        assertThat(fills.get(2).get("price")).isEqualTo("121"); // gapped through the limit: filled at the open
        JsonNode duplicate = run.decisions().get(1);
        assertThat(duplicate.get("decision").asText()).isEqualTo("NONE");
        assertThat(duplicate.get("detail").asText())
                .contains("duplicate signal_id a")
                .contains("not traded again");
        assertThat(run.decisions().get(0).get("fields").get("confidence").asText())
                .isEqualTo("0.8");
    }

    @Test
    void shouldExitTwoNamingLineAndField_whenALineIsMalformed() throws IOException {
        RunFolder run = run("""
                {"signal_id": "a", "time": "2024-03-01T00:02:30Z", "strategy_id": "r", "instrument": "TEST", "side": "BUY", "quantity": 1}
                {"signal_id": "b", "time": "2024-03-01T00:03:30Z", "strategy_id": "r", "instrument": "TEST", "side": "HOLD", "quantity": 1}
                """, 0);
        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err.strip())
                .isEqualTo("error: " + dir.resolve("signals.jsonl")
                        + ":2: side: expected one of [BUY, SELL, FLAT], got 'HOLD'");
    }
}
