package io.eventdesk.application.engine;

import io.eventdesk.application.usecase.IngestSignalUseCase;
import io.eventdesk.application.usecase.SignalDecision;
import io.eventdesk.domain.event.Event;
import io.eventdesk.domain.event.OrderDenied;
import io.eventdesk.domain.event.OrderInitialized;
import io.eventdesk.domain.event.OrderSubmitted;
import io.eventdesk.domain.event.SignalRaised;
import io.eventdesk.domain.event.SignalSkipped;
import io.eventdesk.domain.order.OrderView;
import io.eventdesk.domain.order.lifecycle.Order;
import io.eventdesk.domain.signal.ExternalSignal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A session's signals and what was decided about each: the one place a signal id's repeat is told from a conflict
 * (same contents, its time and source aside: the first decision again; other contents: refused), and where a
 * decision is read from the events its routing published. Engine thread only.
 */
final class SignalLedger {
    private record Seen(ExternalSignal signal, SignalDecision decision) {}

    private final Map<String, Seen> seen = new HashMap<>();
    /** every decision, in sequence order */
    private final List<SignalDecision> decisions = new ArrayList<>();
    /** the orders created for signals, by id, kept after they close */
    private final Map<String, Order> orders = new HashMap<>();

    /**
     * The first decision about {@code signal}'s id, as a repeat, or null for an id not seen.
     *
     * @throws IngestSignalUseCase.SignalConflict when the id came with other contents
     */
    SignalDecision repeatOf(ExternalSignal signal) {
        Seen before = seen.get(signal.signalId());
        if (before == null) {
            return null;
        }
        if (!at(before.signal(), Instant.EPOCH).equals(at(signal, Instant.EPOCH))) {
            throw new IngestSignalUseCase.SignalConflict(signal.signalId());
        }
        return before.decision().asRepeat();
    }

    /** Records the decision about {@code signal} as it was received. */
    void record(ExternalSignal signal, SignalDecision decision) {
        seen.put(signal.signalId(), new Seen(signal, decision));
        decisions.add(decision);
    }

    /** Keeps the order an approved decision created (null: it closed at once). */
    void orderOf(SignalDecision decision, Order order) {
        if (order != null) {
            orders.put(decision.orderId(), order);
        }
    }

    SignalDecision decisionOf(String signalId) {
        Seen s = seen.get(signalId);
        return s == null ? null : s.decision();
    }

    OrderView order(String orderId) {
        Order o = orders.get(orderId);
        return o == null ? null : o.view();
    }

    /** The decisions whose signal's sequence is above {@code sequence}, oldest first, at most {@code limit}. */
    List<SignalDecision> since(long sequence, int limit) {
        int lo = 0;
        int hi = decisions.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (decisions.get(mid).sequence() <= sequence) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return List.copyOf(decisions.subList(lo, Math.min(decisions.size(), lo + Math.max(0, limit))));
    }

    /** {@code s} taken at {@code time}; its source kept apart from its contents. */
    static ExternalSignal at(ExternalSignal s, Instant time) {
        return new ExternalSignal(
                s.signalId(),
                time,
                s.strategyId(),
                s.instrument(),
                s.side(),
                s.confidence(),
                s.targetExposure(),
                s.quantity(),
                s.timeHorizon(),
                s.maxSlippageBps(),
                s.maxNotional(),
                s.order(),
                time.equals(Instant.EPOCH) ? "" : s.source());
    }

    /** The decision the events of one signal's routing tell. */
    static SignalDecision decisionIn(ExternalSignal signal, List<Event> events) {
        long sequence = 0;
        String orderId = null;
        for (Event e : events) {
            if (e instanceof SignalRaised raised && sequence == 0) {
                sequence = raised.sequence();
            } else if (e instanceof SignalSkipped skipped && skipped.signalSequence() == sequence) {
                return new SignalDecision(
                        signal.signalId(),
                        SignalDecision.Outcome.NONE,
                        sequence,
                        signal.time(),
                        null,
                        null,
                        null,
                        null,
                        skipped.reason(),
                        false);
            } else if (e instanceof OrderInitialized init && orderId == null) {
                orderId = init.orderId().toString();
            } else if (e instanceof OrderDenied denied
                    && denied.orderId().toString().equals(orderId)) {
                return new SignalDecision(
                        signal.signalId(),
                        SignalDecision.Outcome.DENIED,
                        sequence,
                        signal.time(),
                        orderId,
                        denied.code(),
                        denied.rule(),
                        denied.detail(),
                        denied.code() + ": " + denied.detail(),
                        false);
            } else if (e instanceof OrderSubmitted submitted
                    && submitted.orderId().toString().equals(orderId)) {
                return new SignalDecision(
                        signal.signalId(),
                        SignalDecision.Outcome.APPROVED,
                        sequence,
                        signal.time(),
                        orderId,
                        null,
                        null,
                        null,
                        "order " + orderId + " sent, arriving " + submitted.arrivalTime(),
                        false);
            }
        }
        throw new IllegalStateException("signal " + signal.signalId() + " was routed without a decision");
    }
}
