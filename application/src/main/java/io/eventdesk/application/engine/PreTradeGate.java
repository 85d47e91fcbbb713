package io.eventdesk.application.engine;

import io.eventdesk.domain.event.RiskEvaluated;
import io.eventdesk.domain.instrument.Instrument;
import io.eventdesk.domain.order.OrderId;
import io.eventdesk.domain.order.OrderRequest;
import io.eventdesk.domain.port.ExecutionVenuePort;
import io.eventdesk.domain.portfolio.Portfolio;
import io.eventdesk.domain.risk.RiskContext;
import io.eventdesk.domain.risk.RiskDecision;
import io.eventdesk.domain.risk.RiskEngine;
import io.eventdesk.domain.risk.RiskLimits;
import io.eventdesk.domain.value.Money;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import java.time.Instant;

/**
 * The last step before execution: builds the one {@link RiskContext} a request is judged in, runs every rule of the
 * risk engine, journals the evaluation and keeps the throttle's window of submissions.
 */
final class PreTradeGate {
    private final RiskEngine risk;
    private final ThrottleWindow throttle;
    private final Portfolio portfolio;
    private final ExecutionVenuePort venue;
    private final KillSwitch killSwitch;
    private final EventPublisher publisher;
    private final OtherProcesses others;

    PreTradeGate(
            RiskLimits limits,
            Portfolio portfolio,
            ExecutionVenuePort venue,
            KillSwitch killSwitch,
            EventPublisher publisher,
            OtherProcesses others) {
        this.others = others;
        this.risk = RiskEngine.standard(limits);
        this.throttle = new ThrottleWindow(limits);
        this.portfolio = portfolio;
        this.venue = venue;
        this.killSwitch = killSwitch;
        this.publisher = publisher;
    }

    /**
     * Judges {@code request} for order {@code id} and journals every rule's evaluation.
     *
     * @param pending the signed quantity of the instrument's other open orders
     * @param reserved what other open buy orders paid in the instrument's currency will cost
     * @param signalSequence the signal the request answers (0 for a replace)
     * @param desk whether the desk itself sends it (flattening), not a strategy
     */
    RiskDecision check(
            OrderId id,
            OrderRequest request,
            Quantity pending,
            Money reserved,
            long signalSequence,
            boolean desk,
            Instant now) {
        Instrument instrument = portfolio.instrument(request.instrument());
        Price reference = referencePrice(request);
        Money fee = RiskContext.estimatedFee(instrument, request.quantity(), reference, venue::estimateFee);
        RiskContext context = new RiskContext(
                portfolio,
                instrument,
                reference,
                pending,
                reserved,
                fee,
                throttle.recentOrders(request.strategyId(), request.instrument(), now),
                killSwitch.state(),
                desk,
                others.dailyPnl());
        RiskDecision decision = risk.check(request, context);
        publisher.publish(new RiskEvaluated(
                publisher.next(),
                now,
                id,
                request.strategyId(),
                signalSequence,
                instrument.id(),
                decision.approved(),
                decision.checks()));
        return decision;
    }

    /** Counts a submission in the throttle's window. */
    void submitted(OrderRequest request, Instant now) {
        throttle.recordSubmission(request.strategyId(), request.instrument(), now);
    }

    /** Counts an order another process of the desk submitted in the throttle's window. */
    void submittedElsewhere(io.eventdesk.domain.event.PeerActivityReceived.Submission s) {
        throttle.recordSubmission(s.strategyId(), s.instrument(), s.time());
    }

    /** The price an order is expected to trade at: its limit, a stop's trigger, else the last price; null if none. */
    Price referencePrice(OrderRequest order) {
        return RiskContext.referencePrice(order, portfolio);
    }
}
