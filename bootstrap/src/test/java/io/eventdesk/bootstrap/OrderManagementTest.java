package io.eventdesk.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A strategy places, replaces and cancels an order through the whole desk. */
class OrderManagementTest {
    @TempDir
    Path dir;

    @BeforeEach
    void writeBars() throws IOException {
        StringBuilder csv = new StringBuilder("time,open,high,low,close\n");
        for (int i = 0; i < 10; i++) {
            csv.append(java.time.Instant.parse("2024-01-02T00:00:00Z").plusSeconds(60L * i))
                    .append(",100,101,99,100\n");
        }
        Files.writeString(dir.resolve("bars.csv"), csv);
    }

    private RunFolder run(String replaceQuantity) throws IOException {
        Path config = dir.resolve("config.yaml");
        Files.writeString(config, """
                name: orders
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
                  type: io.eventdesk.bootstrap.strategies.CancelReplaceStrategy
                  params: {replace-quantity: %s}
                risk:
                  max-order-quantity: 5
                execution:
                  latency-ms: 1
                """.formatted(replaceQuantity));
        RunFolder run = RunFolder.backtest(config, dir.resolve("out-" + replaceQuantity));
        assertThat(run.exitCode).as(run.err).isZero();
        return run;
    }

    private List<String> journalTypes(RunFolder run) {
        return Jdbi.create("jdbc:sqlite:" + run.dir.resolve("journal.db"))
                .withHandle(
                        h -> h.createQuery("SELECT type FROM journal_events WHERE type LIKE 'Order%' ORDER BY sequence")
                                .mapTo(String.class)
                                .list());
    }

    @Test
    void shouldWalkTheWholeLifeCycle_whenAnOrderIsPlacedReplacedAndCanceled() throws IOException {
        RunFolder run = run("3");
        assertThat(journalTypes(run))
                .containsExactly(
                        "OrderInitialized",
                        "OrderSubmitted",
                        "OrderAccepted",
                        "OrderPendingReplace",
                        "OrderReplaced",
                        "OrderPendingCancel",
                        "OrderCanceled");
        assertThat(run.csv("orders.csv")).singleElement().satisfies(o -> {
            assertThat(o.get("status")).isEqualTo("CANCELED");
            assertThat(o.get("quantity")).isEqualTo("3");
            assertThat(o.get("limit_price")).isEqualTo("50.01");
        });
        JsonNode replace = run.decisions().get(1);
        assertThat(replace.get("signal").asText()).isEqualTo("replace O-1");
        assertThat(replace.get("decision").asText()).isEqualTo("APPROVED");
    }

    @Test
    void shouldKeepTheOrderUnchanged_whenTheRiskEngineDeniesTheReplace() throws IOException {
        RunFolder run = run("6");
        assertThat(journalTypes(run))
                .containsExactly(
                        "OrderInitialized",
                        "OrderSubmitted",
                        "OrderAccepted",
                        "OrderModifyDenied",
                        "OrderPendingCancel",
                        "OrderCanceled");
        JsonNode denied = run.decisions().get(1);
        assertThat(denied.get("decision").asText()).isEqualTo("DENIED");
        assertThat(denied.get("detail").asText()).isEqualTo("TEST order quantity 6 > limit 5");
        assertThat(run.csv("orders.csv").get(0).get("quantity")).isEqualTo("1");
    }
}
