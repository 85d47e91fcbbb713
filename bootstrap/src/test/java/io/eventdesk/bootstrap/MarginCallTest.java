package io.eventdesk.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A margin account holding futures through a fall: the desk reports the margin call when equity drops below the
 * maintenance margin, and with liquidate-on-margin-call closes the position with its own orders.
 */
class MarginCallTest {
    @TempDir
    Path dir;

    @Test
    void shouldReportTheCallAndLiquidate_whenEquityFallsBelowMaintenance() throws IOException {
        StringBuilder csv = new StringBuilder("time,open,high,low,close\n");
        for (int i = 0; i < 40; i++) {
            int price = 4000 - 10 * i; // −10 points a minute: −500 USD a minute per contract
            csv.append(Instant.parse("2024-03-04T14:30:00Z").plusSeconds(60L * i))
                    .append(',')
                    .append(price)
                    .append(',')
                    .append(price)
                    .append(',')
                    .append(price - 10)
                    .append(',')
                    .append(price - 10)
                    .append('\n');
        }
        Files.writeString(dir.resolve("es.csv"), csv);
        Path config = dir.resolve("margin.yaml");
        Files.writeString(config, """
                name: margin-call
                account: {type: margin, base-currency: USD, initial-cash: 50000, liquidate-on-margin-call: true}
                instruments:
                  - {id: ES, asset-class: future, currency: USD, tick-size: 0.25, multiplier: 50,
                     margin-initial: 0.1, margin-maintenance: 0.08}
                data:
                  - {instrument: ES, kind: bars, path: es.csv}
                strategy:
                  type: io.eventdesk.bootstrap.strategies.BuyAndHoldStrategy
                  params: {quantity: 2}
                """);
        RunFolder run = RunFolder.backtest(config, dir.resolve("out"));
        assertThat(run.exitCode).as(run.err).isZero();
        List<String> calls = Jdbi.create("jdbc:sqlite:" + dir.resolve("out").resolve("journal.db"))
                .withHandle(h -> h.createQuery(
                                "SELECT payload FROM journal_events WHERE type = 'MarginCalled' ORDER BY sequence")
                        .mapTo(String.class)
                        .list());
        assertThat(calls).hasSize(1);
        JsonNode call = new ObjectMapper().readTree(calls.get(0));
        // 2 contracts bought at 3990 (the second bar's open): 399,000 notional, 39,900 initial margin
        assertThat(call.get("liquidating").asBoolean()).isTrue();
        assertThat(call.get("equity").get("amount").decimalValue())
                .isLessThan(call.get("maintenanceMargin").get("amount").decimalValue());
        JsonNode summary = run.summary();
        assertThat(summary.get("positions").get(0).get("quantity").decimalValue())
                .isZero(); // liquidated
        assertThat(run.csv("fills.csv")).hasSize(2);
        // the liquidation is sold in the strategy's name, so its books stay true
        assertThat(run.csv("orders.csv").get(1).get("strategy")).isEqualTo("BuyAndHoldStrategy");
    }
}
