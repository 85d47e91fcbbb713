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
                        h -> h.createQuery("SELECT sequence, time, type, payload FROM journal_events ORDER BY sequence")
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
    void shouldHoldEveryEventInSequenceAndMarketDataByDigest_whenTheRunFinished() {
        Map<String, Object> market = Jdbi.create(
                        "jdbc:sqlite:" + dir.resolve("run").resolve("journal.db"))
                .withHandle(
                        h -> h.createQuery("SELECT market_events AS events, market_digest AS digest FROM journal_run")
                                .mapToMap()
                                .one());
        long bars = ((Number) market.get("events")).longValue();
        assertThat(bars).isEqualTo(45_031);
        assertThat((String) market.get("digest")).matches("[0-9a-f]{64}");
        long marks = Jdbi.create("jdbc:sqlite:" + dir.resolve("run").resolve("journal.db"))
                .withHandle(h -> h.createQuery("SELECT sum(marks) FROM journal_block")
                        .mapTo(Long.class)
                        .one());
        // the portfolio is recorded after every bar that changed a figure, and at the end
        assertThat(marks).isBetween(bars / 4, bars + 1);
        assertThat(rows.size() + bars + marks)
                .isEqualTo(run.summary().get("events").asLong());
        for (int i = 1; i < rows.size(); i++) {
            assertThat(((Number) rows.get(i).get("sequence")).longValue())
                    .isGreaterThan(((Number) rows.get(i - 1).get("sequence")).longValue());
        }
        assertThat(rows.get(0).get("type")).isEqualTo("RunStarted");
        assertThat(rows.get(rows.size() - 1).get("type")).isEqualTo("RunFinished");
    }

    /** open price of each bar by its open time, from the example file itself */
    private static Map<String, BigDecimal> opens() throws IOException {
        Map<String, BigDecimal> opens = new HashMap<>();
        List<String> lines = Files.readAllLines(Path.of("..", "examples", "data", "btc-perp-20211231-20220201_1m.csv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            String time = f[0].replace(' ', 'T').replace(".000000", "") + "Z";
            opens.put(Instant.parse(time).toString(), new BigDecimal(f[1]));
        }
        return opens;
    }

    @Test
    void shouldFillAtTheSlippedOpenOfABarOpeningAfterArrival_whenTheJournalIsReplayed() throws IOException {
        Map<String, BigDecimal> opens = opens();
        Map<String, Instant> arrival = new HashMap<>();
        Map<String, Boolean> accepted = new HashMap<>();
        int fills = 0;
        for (Map<String, Object> row : rows) {
            JsonNode p = payload(row);
            switch ((String) row.get("type")) {
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
                    // the bar it filled in opened at or after the order arrived
                    assertThat(time).isAfterOrEqualTo(arrival.get(order));
                    BigDecimal open = opens.get(time.toString());
                    assertThat(open).as("a bar opens at " + time).isNotNull();
                    boolean buy = p.get("side").asText().equals("BUY");
                    BigDecimal slipped = open.multiply(buy ? new BigDecimal("1.0001") : new BigDecimal("0.9999"))
                            .setScale(3, buy ? RoundingMode.CEILING : RoundingMode.FLOOR);
                    assertThat(p.get("price").decimalValue()).isEqualByComparingTo(slipped);
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
