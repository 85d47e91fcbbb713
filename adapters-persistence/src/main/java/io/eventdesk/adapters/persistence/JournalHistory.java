package io.eventdesk.adapters.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventdesk.domain.error.BadInputException;
import io.eventdesk.domain.event.OperatorCommanded;
import io.eventdesk.domain.event.OrderFilled;
import io.eventdesk.domain.event.PeerActivityReceived;
import io.eventdesk.domain.event.PortfolioValued;
import io.eventdesk.domain.event.RiskEvaluated;
import io.eventdesk.domain.event.RuleCheck;
import io.eventdesk.domain.event.RunFinished;
import io.eventdesk.domain.event.RunStarted;
import io.eventdesk.domain.event.SignalReceived;
import io.eventdesk.domain.instrument.InstrumentId;
import io.eventdesk.domain.order.Liquidity;
import io.eventdesk.domain.order.OrderId;
import io.eventdesk.domain.order.OrderTerms;
import io.eventdesk.domain.order.OrderType;
import io.eventdesk.domain.order.TimeInForce;
import io.eventdesk.domain.port.RunHistoryPort;
import io.eventdesk.domain.signal.ExternalSignal;
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
 * A finished run read back from its journal, streamed block by block: the stored events its rebuild and results need,
 * parsed from their rows, and the places of its market events (the numbers of a block that are neither an event nor
 * a mark). Memory holds one block, whatever the run's length.
 */
final class JournalHistory implements RunHistoryPort {
    /** Decimals read exactly: a price or an amount never passes through a double. */
    private static final ObjectMapper JSON = com.fasterxml.jackson.databind.json.JsonMapper.builder()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private final String jdbcUrl;
    private final String runId;

    JournalHistory(String jdbcUrl, String runId, boolean prefixAllowed) {
        this.jdbcUrl = jdbcUrl;
        this.runId = runId;
        io.eventdesk.domain.run.RunRecord run = EventJournals.run(jdbcUrl, runId);
        if (run == null) {
            throw new BadInputException(jdbcUrl, 0, null, "no journal of run '" + runId + "' here");
        }
        if (!prefixAllowed && !run.status().equals(RunRegistry.FINISHED)) {
            throw new BadInputException(
                    jdbcUrl,
                    0,
                    null,
                    "run '" + runId + "' did not finish (" + run.status()
                            + "): its journal is a prefix of the run, so there is nothing to rebuild");
        }
    }

    @Override
    public void replay(Listener listener) {
        new JournalReader(jdbcUrl, runId).read(new JournalReader.Visitor() {
            @Override
            public void event(long sequence, String type, String payload) {
                switch (type) {
                    case "OrderFilled" -> listener.stored(fill(payload));
                    case "RiskEvaluated" -> listener.stored(risk(payload));
                    case "RunStarted" -> listener.stored(started(payload));
                    case "RunFinished" -> listener.stored(finished(payload));
                    case "SignalReceived" -> listener.stored(signalReceived(payload));
                    case "OperatorCommanded" -> listener.stored(commanded(payload));
                    case "PeerActivityReceived" -> listener.stored(peers(payload));
                    case "FeedSwitched" -> listener.stored(switched(payload));
                    default -> {}
                }
            }

            @Override
            public void mark(long sequence, String currency, byte[] mark, int offset) {
                listener.stored(JournalHistory.mark(currency, mark, offset));
            }

            @Override
            public void market(long sequence) {
                listener.marketEvent(sequence);
            }

            @Override
            public void hole(long expectedFirst, long actualFirst) {
                throw new BadInputException(
                        jdbcUrl,
                        0,
                        null,
                        "the journal of run '" + runId + "' has a hole: sequence " + expectedFirst + " to "
                                + (actualFirst - 1) + " is missing");
            }
        });
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

    /** A session's signal as it was taken, back from its row (written by Jackson from the record's components). */
    private static SignalReceived signalReceived(String payload) {
        try {
            JsonNode n = JSON.readTree(payload);
            JsonNode s = n.get("signal");
            JsonNode o = s.get("order");
            OrderTerms terms = o == null || o.isNull()
                    ? null
                    : new OrderTerms(
                            OrderType.valueOf(o.get("type").asText()),
                            price(o.get("limitPrice")),
                            price(o.get("triggerPrice")),
                            TimeInForce.valueOf(o.get("timeInForce").asText()),
                            instant(o.get("expireTime")),
                            o.get("reduceOnly").asBoolean(),
                            o.get("postOnly").asBoolean());
            ExternalSignal signal = new ExternalSignal(
                    s.get("signalId").asText(),
                    Instant.parse(s.get("time").asText()),
                    s.get("strategyId").asText(),
                    InstrumentId.of(s.get("instrument").asText()),
                    ExternalSignal.Direction.valueOf(s.get("side").asText()),
                    decimal(s.get("confidence")),
                    decimal(s.get("targetExposure")),
                    s.get("quantity") == null || s.get("quantity").isNull()
                            ? null
                            : Quantity.of(s.get("quantity").decimalValue()),
                    text(s.get("timeHorizon")),
                    decimal(s.get("maxSlippageBps")),
                    decimal(s.get("maxNotional")),
                    terms,
                    text(s.get("source")));
            return new SignalReceived(
                    n.get("sequence").asLong(), Instant.parse(n.get("time").asText()), signal);
        } catch (IOException e) {
            throw new UncheckedIOException("a received signal's row is not JSON: " + payload, e);
        }
    }

    private static OperatorCommanded commanded(String payload) {
        try {
            JsonNode n = JSON.readTree(payload);
            return new OperatorCommanded(
                    n.get("sequence").asLong(),
                    Instant.parse(n.get("time").asText()),
                    OperatorCommanded.Kind.valueOf(n.get("kind").asText()),
                    n.get("state") == null || n.get("state").isNull()
                            ? null
                            : io.eventdesk.domain.trading.TradingState.valueOf(
                                    n.get("state").asText()),
                    n.get("flatten").asBoolean(),
                    n.get("orderId") == null || n.get("orderId").isNull()
                            ? null
                            : OrderId.parse(n.get("orderId").asText()),
                    text(n.get("reason")));
        } catch (IOException e) {
            throw new UncheckedIOException("an operator command's row is not JSON: " + payload, e);
        }
    }

    private static io.eventdesk.domain.event.FeedSwitched switched(String payload) {
        try {
            JsonNode n = JSON.readTree(payload);
            return new io.eventdesk.domain.event.FeedSwitched(
                    n.get("sequence").asLong(),
                    Instant.parse(n.get("time").asText()),
                    text(n.get("from")),
                    text(n.get("to")),
                    text(n.get("reason")));
        } catch (IOException e) {
            throw new UncheckedIOException("a feed switch's row is not JSON: " + payload, e);
        }
    }

    private static PeerActivityReceived peers(String payload) {
        try {
            JsonNode n = JSON.readTree(payload);
            List<PeerActivityReceived.Submission> submissions = new ArrayList<>();
            for (JsonNode s : n.get("submissions")) {
                submissions.add(new PeerActivityReceived.Submission(
                        s.get("origin").asText(),
                        s.get("strategyId").asText(),
                        InstrumentId.of(s.get("instrument").asText()),
                        Instant.parse(s.get("time").asText())));
            }
            List<PeerActivityReceived.DailyPnl> pnl = new ArrayList<>();
            for (JsonNode d : n.get("dailyPnl")) {
                JsonNode m = d.get("pnl");
                pnl.add(new PeerActivityReceived.DailyPnl(
                        d.get("origin").asText(),
                        Money.of(
                                Currency.of(m.get("currency").asText()),
                                m.get("amount").decimalValue())));
            }
            return new PeerActivityReceived(
                    n.get("sequence").asLong(), Instant.parse(n.get("time").asText()), submissions, pnl);
        } catch (IOException e) {
            throw new UncheckedIOException("a peer activity's row is not JSON: " + payload, e);
        }
    }

    private static java.math.BigDecimal decimal(JsonNode n) {
        return n == null || n.isNull() ? null : n.decimalValue();
    }

    private static Price price(JsonNode n) {
        return n == null || n.isNull() ? null : Price.of(n.decimalValue());
    }

    private static Instant instant(JsonNode n) {
        return n == null || n.isNull() ? null : Instant.parse(n.asText());
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }

    /** A mark unpacked from its block (layout: {@link EventBlock}). */
    static PortfolioValued mark(String currency, byte[] block, int offset) {
        ByteBuffer b = ByteBuffer.wrap(block, offset, EventBlock.MARK_BYTES);
        long sequence = b.getLong();
        Instant time = Instant.ofEpochSecond(b.getLong(), b.getInt());
        return new PortfolioValued(
                sequence,
                time,
                Currency.of(currency),
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
}
