package io.eventdesk.adapters.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventdesk.domain.error.BadInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * The story of one order, or of one outside signal, told from the journal alone: the signal and its reason with its
 * numbers, every risk rule evaluated with its numbers, the submission and its latency, each acknowledgement and fill
 * with price, slippage, fee and liquidity, and how the order ended.
 */
final class JournalStory {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Jdbi jdbi;
    private final String runId;

    JournalStory(String jdbcUrl, String runId) {
        this.jdbi = Jdbi.create(() -> JournalDialect.open(jdbcUrl));
        this.runId = runId;
    }

    List<String> order(String orderId) {
        List<JsonNode> events = rows("payload LIKE :p", "%\"orderId\":\"" + orderId + "\"%");
        events.removeIf(e -> !orderId.equals(e.path("orderId").asText()));
        if (events.isEmpty()) {
            throw new BadInputException(null, 0, null, "no order " + orderId + " in the journal of run " + runId);
        }
        List<String> out = new ArrayList<>();
        JsonNode init = events.get(0);
        JsonNode req = init.path("request");
        out.add("order " + orderId + ": " + req.path("side").asText() + " "
                + req.path("quantity").asText() + " "
                + req.path("instrument").asText() + " " + req.path("type").asText()
                + price(" limit ", req.path("limitPrice")) + price(" trigger ", req.path("triggerPrice")) + " "
                + req.path("timeInForce").asText() + (req.path("reduceOnly").asBoolean() ? " reduce-only" : "")
                + (req.path("postOnly").asBoolean() ? " post-only" : "") + ", strategy "
                + req.path("strategyId").asText());
        String status = "open at the end of the run";
        double filled = 0;
        for (JsonNode e : events) {
            String type = e.path("_type").asText();
            String at = e.path("time").asText();
            switch (type) {
                case "RiskEvaluated" -> {
                    long signal = e.path("signalSequence").asLong();
                    if (signal > 0) {
                        signal(signal).ifPresent(out::addAll);
                    }
                    out.add(line(
                            "risk",
                            at,
                            (e.path("approved").asBoolean() ? "APPROVED" : "DENIED") + ", "
                                    + e.path("checks").size() + " rule(s) evaluated:"));
                    for (JsonNode c : e.path("checks")) {
                        out.add("                                  "
                                + (c.path("passed").asBoolean() ? "pass " : "FAIL ")
                                + c.path("rule").asText() + ": "
                                + c.path("detail").asText());
                    }
                }
                case "OrderDenied" -> {
                    out.add(line(
                            "denied",
                            at,
                            e.path("code").asText() + " by " + e.path("rule").asText() + ": "
                                    + e.path("detail").asText()));
                    status = "DENIED";
                }
                case "OrderSubmitted" ->
                    out.add(line(
                            "submitted",
                            at,
                            "arrives at the venue "
                                    + e.path("arrivalTime").asText() + " (latency "
                                    + Duration.between(
                                                    Instant.parse(at),
                                                    Instant.parse(e.path("arrivalTime")
                                                            .asText()))
                                            .toMillis()
                                    + " ms)"));
                case "OrderAccepted" -> out.add(line("accepted", at, "by the venue"));
                case "OrderRejected" -> {
                    out.add(line("rejected", at, e.path("reason").asText()));
                    status = "REJECTED";
                }
                case "OrderTriggered" ->
                    out.add(line("triggered", at, "at " + e.path("price").asText()));
                case "OrderFilled" -> {
                    filled += e.path("quantity").asDouble();
                    JsonNode fee = e.path("fee");
                    out.add(line(
                            "filled",
                            at,
                            e.path("quantity").asText() + " at "
                                    + e.path("price").asText()
                                    + " (slippage " + e.path("slippage").asText() + ", fee "
                                    + fee.path("amount").asText()
                                    + " " + fee.path("currency").asText() + ", "
                                    + e.path("liquidity").asText() + ") "
                                    + e.path("fillId").asText()));
                    if (filled >= req.path("quantity").asDouble()) {
                        status = "FILLED";
                    }
                }
                case "OrderPendingCancel" ->
                    out.add(line("cancel", at, "sent: " + e.path("reason").asText()));
                case "OrderPendingReplace" ->
                    out.add(line(
                            "replace",
                            at,
                            "sent: quantity "
                                    + e.path("quantity").asText() + price(", limit ", e.path("limitPrice"))
                                    + price(", trigger ", e.path("triggerPrice")) + " ("
                                    + e.path("reason").asText() + ")"));
                case "OrderReplaced" ->
                    out.add(line(
                            "replaced",
                            at,
                            "quantity " + e.path("quantity").asText() + price(", limit ", e.path("limitPrice"))
                                    + price(", trigger ", e.path("triggerPrice"))));
                case "OrderModifyDenied" ->
                    out.add(line(
                            "refused",
                            at,
                            e.path("code").asText() + " by " + e.path("rule").asText() + ": "
                                    + e.path("detail").asText()));
                case "OrderCancelRejected", "OrderReplaceRejected" ->
                    out.add(line(
                            type.equals("OrderCancelRejected") ? "cancel" : "replace",
                            at,
                            "refused by the venue: " + e.path("reason").asText()));
                case "OrderCanceled" -> {
                    out.add(line("canceled", at, e.path("reason").asText()));
                    status = "CANCELED";
                }
                case "OrderExpired" -> {
                    out.add(line("expired", at, "its time in force ran out"));
                    status = "EXPIRED";
                }
                default -> {}
            }
        }
        out.add("  status     " + status + " (" + trim(filled) + " of "
                + req.path("quantity").asText() + " filled)");
        return out;
    }

    /** An outside signal by its {@code signal_id}: how it was decided, and its order's story if it had one. */
    List<String> signalById(String signalId) {
        List<JsonNode> raised =
                rows("type = 'SignalRaised' AND payload LIKE :p", "%\"signal_id\":\"" + signalId + "\"%");
        if (raised.isEmpty()) {
            throw new BadInputException(null, 0, null, "no signal " + signalId + " in the journal of run " + runId);
        }
        List<String> out = new ArrayList<>();
        for (JsonNode s : raised) {
            long seq = s.path("sequence").asLong();
            out.addAll(signal(seq).orElseThrow());
            List<JsonNode> after = rows("payload LIKE :p", "%\"signalSequence\":" + seq + ",%");
            for (JsonNode a : after) {
                if (a.path("signalSequence").asLong() != seq) {
                    continue;
                }
                if (a.path("_type").asText().equals("SignalSkipped")) {
                    out.add(line(
                            "skipped", a.path("time").asText(), a.path("reason").asText()));
                } else if (a.path("_type").asText().equals("RiskEvaluated")) {
                    List<String> story = order(a.path("orderId").asText());
                    out.addAll(story.stream()
                            .filter(l -> !l.startsWith("  signal"))
                            .toList());
                }
            }
        }
        return out;
    }

    private java.util.Optional<List<String>> signal(long sequence) {
        List<JsonNode> s = rows("sequence = :s AND type = 'SignalRaised'", sequence);
        if (s.isEmpty()) {
            return java.util.Optional.empty();
        }
        JsonNode e = s.get(0);
        JsonNode sig = e.path("signal");
        StringBuilder fields = new StringBuilder();
        for (Iterator<Map.Entry<String, JsonNode>> it = sig.path("fields").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            fields.append(fields.length() == 0 ? "" : ", ")
                    .append(f.getKey())
                    .append(' ')
                    .append(f.getValue().asText());
        }
        return java.util.Optional.of(List.of(line(
                "signal",
                e.path("time").asText(),
                sig.path("name").asText() + " by " + e.path("strategyId").asText() + ", target "
                        + sig.path("target").asText() + " "
                        + sig.path("instrument").asText() + ": "
                        + sig.path("reason").asText() + (fields.length() == 0 ? "" : " [" + fields + "]"))));
    }

    private List<JsonNode> rows(String where, Object value) {
        String param = where.contains(":p") ? "p" : "s";
        return jdbi.withHandle(h -> h.createQuery("SELECT type, payload FROM journal_events WHERE run_id = :r AND "
                        + where + " ORDER BY sequence")
                .bind("r", runId)
                .bind(param, value)
                .map((rs, ctx) -> {
                    try {
                        com.fasterxml.jackson.databind.node.ObjectNode n =
                                (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(rs.getString(2));
                        n.put("_type", rs.getString(1));
                        return (JsonNode) n;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .list());
    }

    private static String line(String what, String at, String text) {
        return String.format("  %-10s %s  %s", what, at, text);
    }

    private static String price(String label, JsonNode p) {
        return p == null || p.isNull() || p.isMissingNode() ? "" : label + p.asText();
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
