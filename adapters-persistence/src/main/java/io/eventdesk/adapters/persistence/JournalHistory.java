package io.eventdesk.adapters.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventdesk.domain.error.BadInputException;
import io.eventdesk.domain.event.OrderFilled;
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
            if ("OrderFilled".equals(s.type())) {
                fills.add(fill(s.payload()));
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

    @Override
    public List<OrderFilled> fills() {
        return fills;
    }

    @Override
    public long[] marketEventSequences() {
        return market.clone();
    }
}
