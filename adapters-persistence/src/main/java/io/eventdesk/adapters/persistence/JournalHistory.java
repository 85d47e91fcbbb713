package io.eventdesk.adapters.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventdesk.domain.error.BadInputException;
import io.eventdesk.domain.event.Event;
import io.eventdesk.domain.event.OrderFilled;
import io.eventdesk.domain.event.PortfolioValued;
import io.eventdesk.domain.event.RiskEvaluated;
import io.eventdesk.domain.event.RuleCheck;
import io.eventdesk.domain.event.RunFinished;
import io.eventdesk.domain.event.RunStarted;
import io.eventdesk.domain.instrument.InstrumentId;
import io.eventdesk.domain.order.Liquidity;
import io.eventdesk.domain.order.OrderId;
import io.eventdesk.domain.port.RunHistoryPort;
import io.eventdesk.domain.value.Currency;
import io.eventdesk.domain.value.Money;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import io.eventdesk.domain.value.Side;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A run read back from its journal: the fills, parsed from their rows, and the sequence numbers of the market events,
 * which are the gaps between the stored items (every other event of a run is stored).
 */
final class JournalHistory implements RunHistoryPort {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<OrderFilled> fills = new ArrayList<>();
    private final List<Event> resultEvents = new ArrayList<>();
    private final long[] market;

    JournalHistory(String jdbcUrl, String runId) {
        List<JournalReader.Stored> items = new JournalReader(jdbcUrl, runId).items();
        if (items.isEmpty()) {
            throw new BadInputException(jdbcUrl, 0, null, "no journal of run '" + runId + "' here");
        }
        long last = items.get(items.size() - 1).sequence();
        if (!"RunFinished".equals(items.get(items.size() - 1).type())) {
            throw new BadInputException(jdbcUrl, 0, null, "run '" + runId + "' did not finish: nothing to rebuild");
        }
        boolean[] stored = new boolean[Math.toIntExact(last + 1)];
        for (JournalReader.Stored s : items) {
            stored[(int) s.sequence()] = true;
            switch (s.type()) {
                case "OrderFilled" -> {
                    OrderFilled f = fill(s.payload());
                    fills.add(f);
                    resultEvents.add(f);
                }
                case "PortfolioValued" -> resultEvents.add(mark(s));
                case "RiskEvaluated" -> resultEvents.add(risk(s.payload()));
                case "RunStarted" -> resultEvents.add(started(s.payload()));
                case "RunFinished" -> resultEvents.add(finished(s.payload()));
                default -> {}
            }
        }
        long[] gaps = new long[stored.length];
        int n = 0;
        for (int seq = 1; seq < stored.length; seq++) {
            if (!stored[seq]) {
                gaps[n++] = seq;
            }
        }
        market = java.util.Arrays.copyOf(gaps, n);
    }

    private static OrderFilled fill(String payload) {
        try {
            JsonNode n = JSON.readTree(payload);
            JsonNode fee = n.get("fee");
            return new OrderFilled(
                    n.get("sequence").asLong(),
                    Instant.parse(n.get("time").asText()),
                    OrderId.parse(n.get("orderId").asText()),
                    n.get("fillId").asText(),
                    n.get("strategyId").asText(),
                    InstrumentId.of(n.get("instrument").asText()),
                    Side.valueOf(n.get("side").asText()),
                    Quantity.of(n.get("quantity").decimalValue()),
                    Price.of(n.get("price").decimalValue()),
                    Price.of(n.get("slippage").decimalValue()),
                    Money.of(
                            Currency.of(fee.get("currency").asText()),
                            fee.get("amount").decimalValue()),
                    Liquidity.valueOf(n.get("liquidity").asText()));
        } catch (IOException e) {
            throw new UncheckedIOException("a fill row is not JSON: " + payload, e);
        }
    }

    /** A mark unpacked from its block (layout: {@link MarkBlock}); the block's currency rides as the payload. */
    private static PortfolioValued mark(JournalReader.Stored s) {
        ByteBuffer b = ByteBuffer.wrap(s.mark());
        long sequence = b.getLong();
        Instant time = Instant.ofEpochSecond(b.getLong(), b.getInt());
        return new PortfolioValued(
                sequence,
                time,
                Currency.of(s.payload()),
                b.getLong(),
                b.getLong(),
                b.getLong(),
                b.getLong(),
                b.getLong(),
                b.getLong(),
                b.getLong(),
                b.getLong());
    }

    private static RiskEvaluated risk(String payload) {
        JsonNode n = json(payload);
        List<RuleCheck> checks = new ArrayList<>();
        for (JsonNode c : n.get("checks")) {
            String rule = c.get("rule").asText();
            String code = c.get("code").asText();
            String detail = c.get("detail").asText();
            checks.add(
                    c.get("passed").asBoolean()
                            ? RuleCheck.pass(rule, code, detail)
                            : RuleCheck.fail(rule, code, detail));
        }
        return new RiskEvaluated(
                n.get("sequence").asLong(),
                Instant.parse(n.get("time").asText()),
                OrderId.parse(n.get("orderId").asText()),
                n.get("strategyId").asText(),
                n.get("signalSequence").asLong(),
                InstrumentId.of(n.get("instrument").asText()),
                n.get("approved").asBoolean(),
                checks);
    }

    private static RunStarted started(String payload) {
        JsonNode n = json(payload);
        JsonNode cash = n.get("initialCash");
        return new RunStarted(
                n.get("sequence").asLong(),
                Instant.parse(n.get("time").asText()),
                n.get("runName").asText(),
                n.get("seed").asLong(),
                Money.of(
                        Currency.of(cash.get("currency").asText()),
                        cash.get("amount").decimalValue()));
    }

    private static RunFinished finished(String payload) {
        JsonNode n = json(payload);
        return new RunFinished(
                n.get("sequence").asLong(),
                Instant.parse(n.get("time").asText()),
                n.get("marketEvents").asLong());
    }

    private static JsonNode json(String payload) {
        try {
            return JSON.readTree(payload);
        } catch (IOException e) {
            throw new UncheckedIOException("a journal row is not JSON: " + payload, e);
        }
    }

    @Override
    public List<Event> resultEvents() {
        return resultEvents;
    }

    @Override
    public List<OrderFilled> fills() {
        return fills;
    }

    @Override
    public long[] marketEventSequences() {
        return market.clone();
    }
}
