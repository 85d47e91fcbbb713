package io.eventdesk.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal of the bundled BTC example, read back from SQLite: complete, ordered, and free of look-ahead. */
class JournalOfARunTest {
    @TempDir
    static Path dir;

    private static RunFolder run;
    private static List<Map<String, Object>> rows;
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void runTheExample() throws IOException {
        Path config = dir.resolve("sma-cross-btc.yaml");
        Files.writeString(
                config,
                Files.readString(Path.of("..", "examples", "sma-cross-btc.yaml"))
                        .replace(
                                "path: data/",
                                "path: " + Path.of("..", "examples", "data").toAbsolutePath() + "/"));
        run = RunFolder.backtest(config, dir.resolve("run"));
        assertThat(run.exitCode).as(run.err).isZero();
        rows = Jdbi.create("jdbc:sqlite:" + dir.resolve("run").resolve("journal.db"))
                .withHandle(
                        h -> h.createQuery("SELECT sequence, time, type, payload FROM journal_event ORDER BY sequence")
                                .mapToMap()
                                .list());
    }

    private static JsonNode payload(Map<String, Object> row) {
        try {
            return JSON.readTree((String) row.get("payload"));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void shouldHoldEveryEventWithContiguousSequences_whenTheRunFinished() {
        assertThat(rows).hasSize(run.summary().get("events").asInt());
        for (int i = 0; i < rows.size(); i++) {
            assertThat(((Number) rows.get(i).get("sequence")).longValue()).isEqualTo(i + 1);
        }
        assertThat(rows.get(0).get("type")).isEqualTo("RunStarted");
        assertThat(rows.get(rows.size() - 1).get("type")).isEqualTo("RunFinished");
        assertThat(rows.stream().filter(r -> r.get("type").equals("BarClosed")).count())
                .isEqualTo(45_031);
    }

    @Test
    void shouldFillAtTheSlippedOpenOfABarOpeningAfterArrival_whenTheJournalIsReplayed() {
        Map<String, Instant> arrival = new HashMap<>();
        Map<String, Boolean> accepted = new HashMap<>();
        Map<Instant, JsonNode> barOpeningAt = new HashMap<>();
        Instant lastBarClose = Instant.MIN;
        int fills = 0;
        List<JsonNode> pending = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            JsonNode p = payload(row);
            switch ((String) row.get("type")) {
                case "BarClosed" -> {
                    JsonNode bar = p.get("bar");
                    Instant close = Instant.parse(bar.get("closeTime").asText());
                    assertThat(close).isAfterOrEqualTo(lastBarClose);
                    lastBarClose = close;
                    barOpeningAt.put(Instant.parse(bar.get("openTime").asText()), bar);
                    for (JsonNode fill : pending) {
                        assertThat(fill.get("time").asText())
                                .isEqualTo(bar.get("openTime").asText());
                        BigDecimal open = bar.get("open").decimalValue();
                        boolean buy = fill.get("side").asText().equals("BUY");
                        BigDecimal slipped = open.multiply(buy ? new BigDecimal("1.0001") : new BigDecimal("0.9999"))
                                .setScale(3, buy ? RoundingMode.CEILING : RoundingMode.FLOOR);
                        assertThat(fill.get("price").decimalValue()).isEqualByComparingTo(slipped);
                    }
                    pending.clear();
                }
                case "OrderSubmitted" ->
                    arrival.put(
                            p.get("orderId").asText(),
                            Instant.parse(p.get("arrivalTime").asText()));
                case "OrderAccepted" -> accepted.put(p.get("orderId").asText(), true);
                case "OrderFilled" -> {
                    fills++;
                    String order = p.get("orderId").asText();
                    assertThat(accepted).containsKey(order);
                    Instant time = Instant.parse(p.get("time").asText());
                    assertThat(time).isAfterOrEqualTo(arrival.get(order));
                    // a market fill happens at the open of the bar being processed: it opened at or after the
                    // arrival, and it is journaled (known) only after the fill
                    assertThat(time).isAfterOrEqualTo(lastBarClose);
                    assertThat(barOpeningAt).doesNotContainKey(time);
                    pending.add(p);
                }
                default -> {}
            }
        }
        assertThat(fills).isEqualTo(run.summary().get("fills").asInt());
    }

    @Test
    void shouldExplainEverySignal_whenDecisionsAreRead() {
        long signals =
                rows.stream().filter(r -> r.get("type").equals("SignalRaised")).count();
        assertThat(run.decisions()).hasSize((int) signals);
        assertThat(run.decisions()).allSatisfy(d -> {
            assertThat(d.get("reason").asText()).contains("SMA(10)");
            assertThat(d.get("decision").asText()).isIn("APPROVED", "DENIED", "NONE");
        });
    }
}
