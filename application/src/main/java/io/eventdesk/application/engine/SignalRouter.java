package io.eventdesk.application.engine;

import io.eventdesk.domain.event.SignalRaised;
import io.eventdesk.domain.event.SignalSkipped;
import io.eventdesk.domain.instrument.Instrument;
import io.eventdesk.domain.instrument.InstrumentId;
import io.eventdesk.domain.order.OrderRequest;
import io.eventdesk.domain.port.ClockPort;
import io.eventdesk.domain.portfolio.Portfolio;
import io.eventdesk.domain.signal.ExternalSignal;
import io.eventdesk.domain.signal.Signal;
import io.eventdesk.domain.sizing.ExternalSignalSizing;
import io.eventdesk.domain.sizing.RollingVolatility;
import io.eventdesk.domain.sizing.Sizing;
import io.eventdesk.domain.sizing.TargetPositionSizer;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Every signal's way to an order, for strategies and outside signals alike: journal the signal, size its target
 * (the strategy's own position and open orders counted), then skip it with the reason or hand the order to the order
 * manager. Outside signals are also deduplicated by id and capped by their own slippage and notional limits.
 */
final class SignalRouter {
    private final EventPublisher publisher;
    private final ClockPort clock;
    private final Portfolio portfolio;
    private final OrderManager orders;
    private final Sizing sizing;
    private final TargetPositionSizer sizer = new TargetPositionSizer();
    /** recent volatility per instrument, kept only for volatility sizing */
    private final Map<InstrumentId, RollingVolatility> volatility = new HashMap<>();
    /** outside signal ids seen: a repeated one is recorded as a duplicate and never traded twice */
    private final Map<String, String> seenSignalIds = new HashMap<>();

    SignalRouter(EventPublisher publisher, ClockPort clock, Portfolio portfolio, OrderManager orders, Sizing sizing) {
        this.publisher = publisher;
        this.clock = clock;
        this.portfolio = portfolio;
        this.orders = orders;
        this.sizing = sizing;
    }

    /** An instrument was marked at {@code mark}: the volatility sizing learns it. */
    void marked(InstrumentId instrument, Price mark) {
        if (sizing instanceof Sizing.Volatility v) {
            volatility
                    .computeIfAbsent(instrument, k -> new RollingVolatility(v.lookback()))
                    .add(mark.toBigDecimal().doubleValue());
        }
    }

    /** A strategy's signal: its target is sized by the configured sizing, then routed. */
    void route(String strategyId, Signal signal) {
        Instant now = clock.now();
        long signalSequence = publisher.next();
        publisher.publish(new SignalRaised(signalSequence, now, strategyId, signal));
        Instrument instrument = portfolio.instrument(signal.instrument());
        Quantity target = signal.target();
        if (!(sizing instanceof Sizing.Fixed)) {
            Optional<Price> last = portfolio.lastPrice(instrument.id());
            RollingVolatility vol = volatility.get(instrument.id());
            Sizing.Result r = last.isEmpty()
                    ? new Sizing.Result(null, "no price known yet")
                    : sizing.size(
                            target,
                            instrument,
                            portfolio.equity(),
                            last.get(),
                            vol == null ? Optional.empty() : vol.value());
            if (r.target() == null) {
                skip(strategyId, signalSequence, instrument, "cannot size the signal: " + r.how());
                return;
            }
            target = r.target();
        }
        submitTowards(strategyId, signalSequence, signal, target, instrument, UnaryOperator.identity());
    }

    /** A signal from outside, taken as a decision made at its own time (the clock is there already). */
    void route(ExternalSignal s) {
        Instrument instrument = portfolio.instrument(s.instrument());
        Optional<Price> last = portfolio.lastPrice(instrument.id());
        Sizing.Result wanted = ExternalSignalSizing.target(s, instrument, portfolio.equity(), last);
        Quantity target = wanted.target();
        Signal signal = new Signal(
                "external-" + s.side().name().toLowerCase(Locale.ROOT),
                instrument.id(),
                target == null ? Quantity.ZERO : target,
                s.order(),
                "signal " + s.signalId() + " (" + wanted.how() + ")",
                fields(s));
        long signalSequence = publisher.next();
        publisher.publish(new SignalRaised(signalSequence, clock.now(), s.strategyId(), signal));
        String firstSeen = seenSignalIds.putIfAbsent(s.signalId(), s.source());
        if (firstSeen != null) {
            skip(
                    s.strategyId(),
                    signalSequence,
                    instrument,
                    "duplicate signal_id " + s.signalId() + " (first at " + firstSeen + "): not traded again");
            return;
        }
        if (target == null) {
            skip(s.strategyId(), signalSequence, instrument, wanted.how());
            return;
        }
        submitTowards(s.strategyId(), signalSequence, signal, target, instrument, order -> {
            OrderRequest capped =
                    ExternalSignalSizing.capSlippage(order, instrument, last.orElse(null), s.maxSlippageBps());
            Price reference = orders.referencePrice(capped);
            Optional<OrderRequest> within =
                    ExternalSignalSizing.capNotional(capped, instrument, reference, s.maxNotional());
            if (within.isEmpty()) {
                skip(
                        s.strategyId(),
                        signalSequence,
                        instrument,
                        "max_notional " + s.maxNotional().toPlainString() + " buys less than one lot at " + reference);
                return null;
            }
            return within.get();
        });
    }

    /**
     * The order that takes the strategy's position (its open orders counted) to {@code target}, adjusted by
     * {@code adjust} (null from it: skipped, the adjuster said why), or a skip when the target is already held.
     */
    private void submitTowards(
            String strategyId,
            long signalSequence,
            Signal signal,
            Quantity target,
            Instrument instrument,
            UnaryOperator<OrderRequest> adjust) {
        Quantity held = portfolio.position(strategyId, instrument.id());
        Quantity pending = orders.pendingQuantity(instrument.id(), strategyId);
        Optional<OrderRequest> sized = sizer.size(strategyId, signal, target, instrument, held, pending);
        if (sized.isEmpty()) {
            skip(
                    strategyId,
                    signalSequence,
                    instrument,
                    "target " + target + " is already held or on its way (position " + held + ", open orders " + pending
                            + ")");
            return;
        }
        OrderRequest order = adjust.apply(sized.get());
        if (order != null) {
            orders.submit(strategyId, signalSequence, order, orders.pendingQuantity(instrument.id(), null), false);
        }
    }

    private void skip(String strategyId, long signalSequence, Instrument instrument, String reason) {
        publisher.publish(
                new SignalSkipped(publisher.next(), clock.now(), strategyId, signalSequence, instrument.id(), reason));
    }

    private static Map<String, String> fields(ExternalSignal s) {
        Map<String, String> fields = new TreeMap<>();
        fields.put("signal_id", s.signalId());
        fields.put("side", s.side().name());
        fields.put("source", s.source());
        if (s.confidence() != null) {
            fields.put("confidence", s.confidence().toPlainString());
        }
        if (s.timeHorizon() != null) {
            fields.put("time_horizon", s.timeHorizon());
        }
        if (s.maxNotional() != null) {
            fields.put("max_notional", s.maxNotional().toPlainString());
        }
        if (s.maxSlippageBps() != null) {
            fields.put("max_slippage_bps", s.maxSlippageBps().toPlainString());
        }
        return fields;
    }
}
