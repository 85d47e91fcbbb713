package io.eventdesk.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The examples a newcomer runs first: they run, their books balance, and they are reproducible. */
class BundledExamplesTest {
    @TempDir
    Path dir;

    /** The example itself: its paths are relative to its own folder; the run folder is a temporary one. */
    private static Path config(String name) {
        return Path.of("..", "examples", name + ".yaml");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "sma-cross-btc",
                "momentum-sp500",
                "risk-demo",
                "two-strategies-btc",
                "signals-btc",
                "execution-eth",
                "fx-gbpusd"
            })
    void shouldBalanceTheBooksAndRepeatTheDigest_whenAnExampleRunsTwice(String example) throws IOException {
        RunFolder run = RunFolder.backtest(config(example), dir.resolve("a"));
        assertThat(run.exitCode).as(run.err).isZero();
        JsonNode s = run.summary();
        BigDecimal initial = s.get("initial_cash").decimalValue();
        BigDecimal cash = s.get("final_cash").decimalValue();
        BigDecimal equity = s.get("final_equity").decimalValue();
        BigDecimal fees = s.get("total_fees").decimalValue();
        assertThat(s.get("fills").asLong()).isPositive();

        // final equity = final cash + the marked value of open positions
        List<Map<String, String>> curve = run.csv("equity.csv");
        Map<String, String> last = curve.get(curve.size() - 1);
        assertThat(new BigDecimal(last.get("cash"))).isEqualByComparingTo(cash);
        assertThat(equity).isEqualByComparingTo(cash.add(new BigDecimal(last.get("net_exposure"))));
        // the change in equity is exactly realized + unrealized − fees
        assertThat(equity.subtract(initial))
                .isEqualByComparingTo(s.get("realized_pnl")
                        .decimalValue()
                        .add(s.get("unrealized_pnl").decimalValue())
                        .subtract(fees));
        // final cash = initial cash − what the fills paid and received − fees, to the last unit
        BigDecimal flows = BigDecimal.ZERO;
        BigDecimal feeSum = BigDecimal.ZERO;
        for (Map<String, String> f : run.csv("fills.csv")) {
            BigDecimal notional = new BigDecimal(f.get("quantity")).multiply(new BigDecimal(f.get("price")));
            flows = f.get("side").equals("BUY") ? flows.subtract(notional) : flows.add(notional);
            feeSum = feeSum.add(new BigDecimal(f.get("fee")));
        }
        assertThat(feeSum).isEqualByComparingTo(fees);
        assertThat(cash).isEqualByComparingTo(initial.add(flows).subtract(fees));

        // the round trips reconcile with each strategy's own books to the last unit: realized PnL and fees
        List<Map<String, String>> trades = run.csv("trades.csv");
        assertThat(trades).isNotEmpty();
        for (JsonNode strategy : s.get("strategies")) {
            BigDecimal tripRealized = BigDecimal.ZERO;
            BigDecimal tripFees = BigDecimal.ZERO;
            for (Map<String, String> t : trades) {
                if (t.get("strategy").equals(strategy.get("id").asText())) {
                    tripRealized = tripRealized.add(new BigDecimal(t.get("realized_pnl")));
                    tripFees = tripFees.add(new BigDecimal(t.get("fees")));
                }
            }
            assertThat(tripRealized)
                    .isEqualByComparingTo(strategy.get("realized_pnl").decimalValue());
            assertThat(tripFees).isEqualByComparingTo(strategy.get("fees").decimalValue());
        }
        JsonNode stats = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(run.dir.resolve("statistics.json").toFile());
        assertThat(stats.get("overall").get("round_trips").asLong())
                .isEqualTo(trades.stream()
                        .filter(t -> t.get("status").equals("CLOSED"))
                        .count());
        assertThat(run.dir.resolve("report.html")).exists();
        assertThat(run.out).contains("report: ").contains("win rate");

        RunFolder again = RunFolder.backtest(config(example), dir.resolve("b"));
        assertThat(again.summary().get("journal_digest")).isEqualTo(s.get("journal_digest"));
    }

    /** The worked example of docs/execution.md, number for number. */
    @Test
    void shouldGiveTheReadmesWorkedExample_whenTheExecutionExampleRuns() throws IOException {
        RunFolder run = RunFolder.backtest(config("execution-eth"), dir.resolve("x"));
        assertThat(run.exitCode).as(run.err).isZero();
        assertThat(run.csv("fills.csv").stream()
                        .filter(f -> f.get("order_id").equals("O-3"))
                        .map(f -> String.join(
                                " ",
                                f.get("time"),
                                f.get("quantity"),
                                f.get("price"),
                                f.get("slippage"),
                                f.get("fee"),
                                f.get("liquidity"))))
                .containsExactly(
                        "2016-09-04T00:00:00Z 190.8725 11.96 0.12 1.36970106 TAKER",
                        "2016-09-05T00:00:00Z 140.8201 11.89 0.12 1.00461059 TAKER",
                        "2016-09-06T00:00:00Z 268.3074 11.87 0.12 1.9108853 TAKER");
        assertThat(run.csv("orders.csv").stream().filter(o -> o.get("order_id").equals("O-3")))
                .singleElement()
                .satisfies(o -> {
                    assertThat(o.get("status")).isEqualTo("FILLED");
                    assertThat(o.get("avg_fill_price")).isEqualTo("11.903324878333");
                });
        assertThat(run.journalTypes("O-3"))
                .containsExactly(
                        "OrderInitialized",
                        "RiskEvaluated",
                        "OrderSubmitted",
                        "OrderAccepted",
                        "OrderFilled",
                        "OrderFilled",
                        "OrderFilled");
    }
}
