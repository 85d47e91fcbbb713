package io.eventdesk.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole desk through the CLI: real CSV files, the paper venue, the SQLite journal, the run files. */
class BacktestEndToEndTest {
    private static final Instant T0 = Instant.parse("2024-03-01T00:00:00Z");

    @TempDir
    Path dir;

    private Path bars;
    /** open price of the bar opening at each time, as written */
    private final Map<String, BigDecimal> openAt = new HashMap<>();

    @BeforeEach
    void writeBars() throws IOException {
        StringBuilder csv = new StringBuilder("timestamp,open,high,low,close,volume\n");
        BigDecimal previousClose = new BigDecimal("100.00");
        for (int i = 0; i < 300; i++) {
            BigDecimal close = BigDecimal.valueOf(100 + 8 * Math.sin(i / 6.0) + (i % 5) * 0.13)
                    .setScale(2, RoundingMode.HALF_EVEN);
            BigDecimal open = previousClose.add(new BigDecimal("0.05"));
            BigDecimal high = open.max(close).add(new BigDecimal("0.40"));
            BigDecimal low = open.min(close).subtract(new BigDecimal("0.40"));
            Instant t = T0.plusSeconds(60L * i);
            openAt.put(t.toString(), open);
            csv.append(t)
                    .append(',')
                    .append(open)
                    .append(',')
                    .append(high)
                    .append(',')
                    .append(low)
                    .append(',')
                    .append(close)
                    .append(",1000\n");
            previousClose = close;
        }
        bars = dir.resolve("bars.csv");
        Files.writeString(bars, csv);
    }

    private Path config(String name, String strategy, String risk, long latencyMs, String slippageBps)
            throws IOException {
        Path file = dir.resolve(name + ".yaml");
        Files.writeString(file, """
                name: %s
                seed: 1
                account:
                  initial-cash: 100000
                  base-currency: USD
                instruments:
                  - id: TEST
                    asset-class: equity
                    currency: USD
                    tick-size: 0.01
                    lot-size: 1
                data:
                  - instrument: TEST
                    kind: bars
                    path: bars.csv
                strategy:
                %s
                risk:
                %s
                execution:
                  latency-ms: %d
                  slippage-bps: %s
                  commission:
                    type: bps
                    rate: 2
                    minimum: 1
                """.formatted(name, indent(strategy), indent(risk), latencyMs, slippageBps));
        return file;
    }

    private static String indent(String block) {
        return block.strip().replace("\n", "\n  ").replaceFirst("^", "  ");
    }

    private static final String SMA = """
            type: sma-cross
            params: {fast: 3, slow: 8, quantity: 100}
            """;
    private static final String LOOSE_RISK = """
            max-order-quantity: 1000
            max-leverage: 2
            """;

    @Nested
    class Accounting {
        @Test
        void shouldBalanceTheBooks_whenTheRunEnds() throws IOException {
            RunFolder run = RunFolder.backtest(config("books", SMA, LOOSE_RISK, 0, "3"), dir.resolve("books"));
            assertThat(run.exitCode).as(run.err).isZero();
            JsonNode s = run.summary();
            BigDecimal initial = s.get("initial_cash").decimalValue();
            BigDecimal cash = s.get("final_cash").decimalValue();
            BigDecimal equity = s.get("final_equity").decimalValue();
            BigDecimal realized = s.get("realized_pnl").decimalValue();
            BigDecimal unrealized = s.get("unrealized_pnl").decimalValue();
            BigDecimal fees = s.get("total_fees").decimalValue();
            assertThat(s.get("fills").asLong()).isGreaterThan(10);
            assertThat(equity.subtract(initial))
                    .isEqualByComparingTo(realized.add(unrealized).subtract(fees));

            // equity = cash + the open position marked at the last close
            List<Map<String, String>> fills = run.csv("fills.csv");
            BigDecimal position = BigDecimal.ZERO;
            BigDecimal feeSum = BigDecimal.ZERO;
            BigDecimal cashFlow = BigDecimal.ZERO;
            for (Map<String, String> f : fills) {
                BigDecimal q = new BigDecimal(f.get("quantity"));
                BigDecimal signed = f.get("side").equals("BUY") ? q : q.negate();
                position = position.add(signed);
                cashFlow = cashFlow.subtract(signed.multiply(new BigDecimal(f.get("price"))));
                feeSum = feeSum.add(new BigDecimal(f.get("fee")));
            }
            assertThat(feeSum).isEqualByComparingTo(fees);
            assertThat(cash).isEqualByComparingTo(initial.add(cashFlow).subtract(fees));
            List<Map<String, String>> equityRows = run.csv("equity.csv");
            // a row whenever a figure changed (every bar with a position, every fill), the first bar and the end
            assertThat(equityRows.size()).isBetween(fills.size(), 301);
            BigDecimal lastClose = lastClose();
            assertThat(equity).isEqualByComparingTo(cash.add(position.multiply(lastClose)));
            assertThat(new BigDecimal(equityRows.get(equityRows.size() - 1).get("equity")))
                    .isEqualByComparingTo(equity);
        }

        private BigDecimal lastClose() throws IOException {
            List<String> lines = Files.readAllLines(bars);
            String[] last = lines.get(lines.size() - 1).split(",");
            return new BigDecimal(last[4]);
        }
    }

    @Nested
    class Timing {
        @Test
        void shouldFillEachMarketOrderAtTheOpenOfTheBarAfterTheDecision_whenLatencyIsZero() throws IOException {
            RunFolder run = RunFolder.backtest(config("timing", SMA, LOOSE_RISK, 0, "0"), dir.resolve("timing"));
            assertThat(run.exitCode).as(run.err).isZero();
            Map<String, Map<String, String>> orders = new HashMap<>();
            run.csv("orders.csv").forEach(o -> orders.put(o.get("order_id"), o));
            List<Map<String, String>> fills = run.csv("fills.csv");
            assertThat(fills).isNotEmpty();
            for (Map<String, String> f : fills) {
                Instant decided = Instant.parse(orders.get(f.get("order_id")).get("time"));
                Instant filled = Instant.parse(f.get("time"));
                // decided at bar i's close = bar i+1's open: filled exactly there, at that open, never earlier
                assertThat(filled).isEqualTo(decided);
                assertThat(new BigDecimal(f.get("price"))).isEqualByComparingTo(openAt.get(f.get("time")));
            }
        }

        @Test
        void shouldFillOneBarLater_whenLatencyPushesArrivalPastTheNextOpen() throws IOException {
            RunFolder run = RunFolder.backtest(config("latency", SMA, LOOSE_RISK, 1, "0"), dir.resolve("latency"));
            assertThat(run.exitCode).as(run.err).isZero();
            Map<String, String> decidedAt = new HashMap<>();
            run.csv("orders.csv").forEach(o -> decidedAt.put(o.get("order_id"), o.get("time")));
            for (Map<String, String> f : run.csv("fills.csv")) {
                Instant decided = Instant.parse(decidedAt.get(f.get("order_id")));
                assertThat(Instant.parse(f.get("time"))).isEqualTo(decided.plusSeconds(60));
                assertThat(new BigDecimal(f.get("price"))).isEqualByComparingTo(openAt.get(f.get("time")));
            }
        }
    }

    @Nested
    class Risk {
        @Test
        void shouldDenyWithRuleAndNumbers_whenAnOrderBreaksALimit() throws IOException {
            String tight = """
                    max-order-quantity: 1000
                    max-position: {TEST: 50}
                    """;
            RunFolder run = RunFolder.backtest(config("denied", SMA, tight, 0, "0"), dir.resolve("denied"));
            assertThat(run.exitCode).as(run.err).isZero();
            assertThat(run.summary().get("orders_denied").asLong()).isPositive();
            assertThat(run.summary().get("fills").asLong()).isZero();
            assertThat(run.csv("orders.csv")).allSatisfy(o -> {
                assertThat(o.get("status")).isEqualTo("DENIED");
                assertThat(o.get("deny_code")).isEqualTo("MAX_POSITION_EXCEEDED");
            });
            JsonNode denied = run.decisions().stream()
                    .filter(d -> d.get("decision").asText().equals("DENIED"))
                    .findFirst()
                    .orElseThrow();
            assertThat(denied.get("rule").asText()).isEqualTo("max-position");
            assertThat(denied.get("detail").asText()).isEqualTo("TEST position would be 100 > limit 50");
            assertThat(denied.get("reason").asText()).contains("crossed above");
            assertThat(denied.get("checks"))
                    .hasSize(4); // every evaluated rule (trading state too), not only the failure
        }
    }

    @Nested
    class Throttle {
        @Test
        void shouldDenyOrdersBeyondTheRate_whenAThrottleIsSet() throws IOException {
            String throttle = """
                    max-order-quantity: 1000
                    throttle: {orders: 1, per-seconds: 3600}
                    """;
            RunFolder run = RunFolder.backtest(config("throttled", SMA, throttle, 0, "0"), dir.resolve("throttled"));
            assertThat(run.exitCode).as(run.err).isZero();
            List<Map<String, String>> orders = run.csv("orders.csv");
            assertThat(orders).anySatisfy(o -> assertThat(o.get("deny_code")).isEqualTo("THROTTLE_EXCEEDED"));
            // never two submitted orders within an hour
            Instant last = null;
            for (Map<String, String> o : orders) {
                if (!o.get("status").equals("DENIED")) {
                    Instant t = Instant.parse(o.get("time"));
                    if (last != null) {
                        assertThat(t).isAfter(last.plusSeconds(3600).minusNanos(1));
                    }
                    last = t;
                }
            }
            JsonNode denied = run.decisions().stream()
                    .filter(d -> "THROTTLE_EXCEEDED".equals(d.get("code").asText(null)))
                    .findFirst()
                    .orElseThrow();
            assertThat(denied.get("detail").asText()).isEqualTo("sma-cross would send 2 orders in 3600 s > limit 1");
        }
    }

    @Nested
    class SeveralStrategies {
        @Test
        void shouldAttributeFillsAndPnlAndApplyEachStrategysLimits_whenTwoStrategiesShareTheAccount()
                throws IOException {
            Path file = config("two", SMA, LOOSE_RISK, 0, "2");
            String yaml = Files.readString(file)
                    .replace("strategy:\n  type: sma-cross\n  params: {fast: 3, slow: 8, quantity: 100}\n", """
                            strategies:
                              - id: fast-cross
                                type: sma-cross
                                params: {fast: 3, slow: 8, quantity: 100}
                              - id: trend
                                type: momentum
                                params: {lookback: 5, threshold: 0.01, quantity: 50, allow-short: true}
                            """)
                    .replace(
                            "  max-leverage: 2\n",
                            "  max-leverage: 2\n  strategies: {trend: {max-order-quantity: 60}}\n");
            assertThat(yaml).contains("strategies:", "trend: {max-order-quantity: 60}");
            Files.writeString(file, yaml);
            RunFolder run = RunFolder.backtest(file, dir.resolve("two"));
            assertThat(run.exitCode).as(run.err).isZero();

            List<Map<String, String>> fills = run.csv("fills.csv");
            assertThat(fills).extracting(f -> f.get("strategy")).contains("fast-cross", "trend");
            // trend's flips (short 50 to long 50: an order of 100) break its own limit, never fast-cross's
            assertThat(run.csv("orders.csv"))
                    .filteredOn(o -> "MAX_ORDER_QUANTITY_EXCEEDED".equals(o.get("deny_code")))
                    .isNotEmpty()
                    .allSatisfy(o -> assertThat(o.get("strategy")).isEqualTo("trend"));
            JsonNode s = run.summary();
            BigDecimal total = BigDecimal.ZERO;
            for (JsonNode strategy : s.get("strategies")) {
                total = total.add(strategy.get("total_pnl").decimalValue());
            }
            assertThat(s.get("strategies")).hasSize(2);
            assertThat(total)
                    .isEqualByComparingTo(s.get("final_equity")
                            .decimalValue()
                            .subtract(s.get("initial_cash").decimalValue()));
        }
    }

    @Nested
    class PositionSizing {
        @Test
        void shouldSizeEveryEntryToTheTargetExposure_whenSizingIsTargetExposure() throws IOException {
            Path file = config("sized", SMA, LOOSE_RISK, 0, "0");
            Files.writeString(file, Files.readString(file) + "sizing:\n  type: target-exposure\n  exposure: 0.2\n");
            RunFolder run = RunFolder.backtest(file, dir.resolve("sized"));
            assertThat(run.exitCode).as(run.err).isZero();
            List<Map<String, String>> orders = run.csv("orders.csv");
            Map<String, String> first = orders.get(0);
            // 0.2 × 100,000 of equity at the decision's close, e.g. ~2 × 10^4 / ~100 ≈ 200 shares, not the 100 of the
            // signal
            assertThat(first.get("side")).isEqualTo("BUY");
            assertThat(Integer.parseInt(first.get("quantity"))).isBetween(180, 220);
            JsonNode decision = run.decisions().get(0);
            assertThat(decision.get("decision").asText()).isIn("APPROVED", "NONE");
        }
    }

    @Nested
    class Determinism {
        @Test
        void shouldProduceTheSameJournalDigest_whenTheSameConfigRunsTwice() throws IOException {
            Path cfg = config("twice", SMA, LOOSE_RISK, 0, "3");
            RunFolder first = RunFolder.backtest(cfg, dir.resolve("first"));
            RunFolder second = RunFolder.backtest(cfg, dir.resolve("second"));
            assertThat(first.exitCode).isZero();
            String digest = first.summary().get("journal_digest").asText();
            assertThat(digest).matches("[0-9a-f]{64}");
            assertThat(second.summary().get("journal_digest").asText()).isEqualTo(digest);
            assertThat(Files.readString(first.dir.resolve("fills.csv")))
                    .isEqualTo(Files.readString(second.dir.resolve("fills.csv")));
        }

        @Test
        void shouldJournalEveryEvent_whenTheRunCompletes() throws IOException {
            RunFolder run = RunFolder.backtest(config("journal", SMA, LOOSE_RISK, 0, "3"), dir.resolve("journal"));
            long rows = Jdbi.create("jdbc:sqlite:" + run.dir.resolve("journal.db"))
                    .withHandle(h -> h.createQuery(
                                    "SELECT (SELECT count(*) FROM journal_events) + (SELECT market_events FROM journal_run)"
                                            + " + (SELECT sum(marks) FROM journal_block)")
                            .mapTo(Long.class)
                            .one());
            assertThat(rows).isEqualTo(run.summary().get("events").asLong());
        }
    }

    @Test
    void shouldRunAUsersStrategyClass_whenTheTypeIsAClassName() throws IOException {
        String user = """
                type: io.eventdesk.bootstrap.strategies.BuyAndHoldStrategy
                params: {quantity: 7}
                """;
        RunFolder run = RunFolder.backtest(config("user", user, LOOSE_RISK, 0, "0"), dir.resolve("user"));
        assertThat(run.exitCode).as(run.err).isZero();
        assertThat(run.csv("fills.csv")).singleElement().satisfies(f -> {
            assertThat(f.get("quantity")).isEqualTo("7");
            assertThat(f.get("time")).isEqualTo(T0.plusSeconds(60).toString());
        });
        assertThat(run.out).contains("1 fills");
    }
}
