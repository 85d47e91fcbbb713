package io.eventdesk.adapters.marketdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventdesk.domain.error.BadInputException;
import io.eventdesk.domain.order.OrderTerms;
import io.eventdesk.domain.order.OrderType;
import io.eventdesk.domain.order.TimeInForce;
import io.eventdesk.domain.port.SignalFeedPort;
import io.eventdesk.domain.signal.ExternalSignal;
import io.eventdesk.domain.testing.Instruments;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonLinesSignalFeedTest {
    private static final String OK =
            "{\"signal_id\": \"s\", \"time\": \"2024-01-02T00:00:00Z\", \"strategy_id\": \"r\", \"instrument\": \"AAPL\",";

    @TempDir
    Path dir;

    private List<ExternalSignal> read(String content) throws IOException {
        Path file = dir.resolve("signals.jsonl");
        Files.writeString(file, content);
        List<ExternalSignal> out = new ArrayList<>();
        try (SignalFeedPort feed = SignalFeeds.jsonLines(file, List.of(Instruments.equity("AAPL")))) {
            while (feed.hasNext()) {
                out.add(feed.next());
            }
        }
        return out;
    }

    @Test
    void shouldReadEveryField_whenALineIsComplete() throws IOException {
        ExternalSignal s = read(OK + " \"side\": \"SELL\", \"target_exposure\": -0.25, \"confidence\": 0.7,"
                        + " \"time_horizon\": \"INTRADAY\", \"constraints\": {\"max_slippage_bps\": 5,"
                        + " \"max_notional\": 10000}, \"order\": {\"type\": \"LIMIT\", \"limit_price\": 101.25,"
                        + " \"time_in_force\": \"DAY\"}}\n")
                .get(0);
        assertThat(s.side()).isEqualTo(ExternalSignal.Direction.SELL);
        assertThat(s.targetExposure()).isEqualByComparingTo("-0.25");
        assertThat(s.confidence()).isEqualByComparingTo("0.7");
        assertThat(s.maxSlippageBps()).isEqualByComparingTo(BigDecimal.valueOf(5));
        assertThat(s.orderType()).isEqualTo(OrderType.LIMIT);
        assertThat(s.limitPrice()).isEqualTo(Price.of("101.25"));
        assertThat(s.source()).endsWith("signals.jsonl:1");
    }

    @Test
    void shouldReadEveryOrderTerm_whenTheOrderIsAStopLimitGtdReduceOnly() throws IOException {
        List<ExternalSignal> all = read(OK
                + " \"side\": \"SELL\", \"quantity\": 3, \"order\": {\"type\": \"STOP_LIMIT\", \"stop_price\": 99.5,"
                + " \"limit_price\": 99, \"time_in_force\": \"GTD\", \"expire_time\": \"2024-01-03T00:00:00Z\","
                + " \"reduce_only\": true}}\n");
        assertThat(all.get(0).order())
                .isEqualTo(new OrderTerms(
                        OrderType.STOP_LIMIT,
                        Price.of("99"),
                        Price.of("99.5"),
                        TimeInForce.GTD,
                        java.time.Instant.parse("2024-01-03T00:00:00Z"),
                        true,
                        false));
    }

    @Test
    void shouldSkipBlankAndCommentLines_whenCounting() throws IOException {
        List<ExternalSignal> all = read("# header\n\n" + OK + " \"side\": \"BUY\", \"quantity\": 3}\n");
        assertThat(all).singleElement().satisfies(s -> {
            assertThat(s.quantity()).isEqualTo(Quantity.of(3));
            assertThat(s.source()).endsWith(":3");
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "unknown field| \"side\": \"BUY\", \"quantity\": 1, \"qty\": 2}|qty|unknown field",
                "missing side| \"quantity\": 1}|side|missing (required)",
                "both sizes| \"side\": \"BUY\", \"quantity\": 1, \"target_exposure\": 0.1}|-|exactly one of target_exposure and quantity",
                "wrong way| \"side\": \"BUY\", \"target_exposure\": -0.1}|-|points the other way",
                "stop without price| \"side\": \"BUY\", \"quantity\": 1, \"order\": {\"type\": \"STOP\"}}|order.stop_price|a STOP order needs stop_price",
                "unknown type| \"side\": \"BUY\", \"quantity\": 1, \"order\": {\"type\": \"ICEBERG\"}}|order.type|expected MARKET, LIMIT, STOP or STOP_LIMIT",
                "gtd without expiry| \"side\": \"BUY\", \"quantity\": 1, \"order\": {\"time_in_force\": \"GTD\"}}|order.expire_time|a GTD order needs expire_time",
                "expiry without gtd| \"side\": \"BUY\", \"quantity\": 1, \"order\": {\"expire_time\": \"2024-01-03T00:00:00Z\"}}|order.time_in_force|expire_time goes with GTD",
                "post-only market| \"side\": \"BUY\", \"quantity\": 1, \"order\": {\"post_only\": true}}|order|post-only applies to LIMIT orders",
                "flag not boolean| \"side\": \"BUY\", \"quantity\": 1, \"order\": {\"reduce_only\": \"yes\"}}|order.reduce_only|expected true or false",
                "stop off the grid| \"side\": \"BUY\", \"quantity\": 1, \"order\": {\"type\": \"STOP\", \"stop_price\": 1.005}}|order.stop_price|off the tick grid",
                "off the grid| \"side\": \"BUY\", \"quantity\": 1, \"order\": {\"type\": \"LIMIT\", \"limit_price\": 1.005}}|order.limit_price|off the tick grid",
                "bad confidence| \"side\": \"BUY\", \"quantity\": 1, \"confidence\": 2}|-|within 0..1",
                "not a number| \"side\": \"BUY\", \"quantity\": \"many\"}|quantity|expected a number",
                "unknown horizon| \"side\": \"BUY\", \"quantity\": 1, \"time_horizon\": \"WEEK\"}|time_horizon|expected one of INTRADAY",
            })
    void shouldNameTheLineAndField_whenALineIsWrong(String what, String rest, String field, String message) {
        assertThatThrownBy(() -> read(OK + rest + "\n"))
                .isInstanceOf(BadInputException.class)
                .satisfies(e -> {
                    BadInputException b = (BadInputException) e;
                    assertThat(b.line()).isEqualTo(1);
                    assertThat(b.field()).isEqualTo(field.equals("-") ? null : field);
                })
                .hasMessageContaining(message);
    }

    @Test
    void shouldRefuse_whenSignalsGoBackInTime() {
        String later = OK.replace("00:00:00Z", "00:05:00Z") + " \"side\": \"BUY\", \"quantity\": 1}\n";
        String earlier = OK + " \"side\": \"FLAT\"}\n";
        assertThatThrownBy(() -> read(later + earlier))
                .hasMessageContaining(":2: time: ")
                .hasMessageContaining("time order");
    }
}
