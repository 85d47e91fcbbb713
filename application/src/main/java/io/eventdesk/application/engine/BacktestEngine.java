package io.eventdesk.application.engine;

import io.eventdesk.application.usecase.BacktestRequest;
import io.eventdesk.application.usecase.EngageKillSwitchUseCase;
import io.eventdesk.domain.error.BadInputException;
import io.eventdesk.domain.event.BarClosed;
import io.eventdesk.domain.event.BookUpdated;
import io.eventdesk.domain.event.Event;
import io.eventdesk.domain.event.MarginCalled;
import io.eventdesk.domain.event.OrderAccepted;
import io.eventdesk.domain.event.OrderCancelRejected;
import io.eventdesk.domain.event.OrderCanceled;
import io.eventdesk.domain.event.OrderDenied;
import io.eventdesk.domain.event.OrderExpired;
import io.eventdesk.domain.event.OrderFilled;
import io.eventdesk.domain.event.OrderInitialized;
import io.eventdesk.domain.event.OrderModifyDenied;
import io.eventdesk.domain.event.OrderPendingCancel;
import io.eventdesk.domain.event.OrderPendingReplace;
import io.eventdesk.domain.event.OrderRejected;
import io.eventdesk.domain.event.OrderReplaceRejected;
import io.eventdesk.domain.event.OrderReplaced;
import io.eventdesk.domain.event.OrderSubmitted;
import io.eventdesk.domain.event.OrderTriggered;
import io.eventdesk.domain.event.QuoteBarClosed;
import io.eventdesk.domain.event.QuoteUpdated;
import io.eventdesk.domain.event.RiskEvaluated;
import io.eventdesk.domain.event.RuleCheck;
import io.eventdesk.domain.event.RunFailed;
import io.eventdesk.domain.event.RunFinished;
import io.eventdesk.domain.event.RunStarted;
import io.eventdesk.domain.event.SignalRaised;
import io.eventdesk.domain.event.SignalSkipped;
import io.eventdesk.domain.event.TaxAccrued;
import io.eventdesk.domain.event.TradePrinted;
import io.eventdesk.domain.event.TradingStateChanged;
import io.eventdesk.domain.instrument.Instrument;
import io.eventdesk.domain.instrument.InstrumentId;
import io.eventdesk.domain.market.Bar;
import io.eventdesk.domain.market.BookUpdate;
import io.eventdesk.domain.market.MarketData;
import io.eventdesk.domain.market.Quote;
import io.eventdesk.domain.market.QuoteBar;
import io.eventdesk.domain.market.Trade;
import io.eventdesk.domain.order.Liquidity;
import io.eventdesk.domain.order.Order;
import io.eventdesk.domain.order.OrderAction;
import io.eventdesk.domain.order.OrderId;
import io.eventdesk.domain.order.OrderRequest;
import io.eventdesk.domain.order.OrderStatus;
import io.eventdesk.domain.order.OrderView;
import io.eventdesk.domain.port.EventJournalPort;
import io.eventdesk.domain.port.ExecutionReportListener;
import io.eventdesk.domain.port.ExecutionVenuePort;
import io.eventdesk.domain.port.JournalReceipt;
import io.eventdesk.domain.port.MarketDataFeedPort;
import io.eventdesk.domain.port.RunArtifactsPort;
import io.eventdesk.domain.portfolio.Portfolio;
import io.eventdesk.domain.portfolio.PortfolioView;
import io.eventdesk.domain.portfolio.PositionView;
import io.eventdesk.domain.portfolio.StrategyPnl;
import io.eventdesk.domain.risk.BreachAction;
import io.eventdesk.domain.risk.KillSwitchCommand;
import io.eventdesk.domain.risk.RiskContext;
import io.eventdesk.domain.risk.RiskDecision;
import io.eventdesk.domain.risk.RiskEngine;
import io.eventdesk.domain.risk.RiskLimits;
import io.eventdesk.domain.run.RunSummary;
import io.eventdesk.domain.signal.ExternalSignal;
import io.eventdesk.domain.signal.Signal;
import io.eventdesk.domain.sizing.ExternalSignalSizing;
import io.eventdesk.domain.sizing.RollingVolatility;
import io.eventdesk.domain.sizing.Sizing;
import io.eventdesk.domain.sizing.TargetPositionSizer;
import io.eventdesk.domain.strategy.Strategy;
import io.eventdesk.domain.strategy.StrategyContext;
import io.eventdesk.domain.trading.TradingState;
import io.eventdesk.domain.value.Currency;
import io.eventdesk.domain.value.Money;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import io.eventdesk.domain.value.Side;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single-threaded, deterministic engine loop. For each piece of market data, in feed order:
 *
 * <ol>
 *   <li>the venue processes arrivals and expiries up to the bar's open, then matches resting orders against the
 *       bar (fills change the portfolio as they happen);
 *   <li>the clock moves to the bar's close, when it becomes known; the venue processes its timers up to then;
 *   <li>the portfolio is marked at the close;
 *   <li>each strategy sees the bar and may raise signals; each signal is sized, checked by the risk engine (the
 *       last step before execution) and, if approved, submitted to the venue, where it arrives after latency;
 *   <li>the portfolio's figures are recorded when they changed (and on the first bar and at the end).
 * </ol>
 *
 * Every step is an event with a run-wide sequence number, appended to the journal and the run artifacts.
 */
public final class BacktestEngine implements EngageKillSwitchUseCase {
    private static final Logger LOG = LoggerFactory.getLogger(BacktestEngine.class);

    private final BacktestRequest request;
    private final MarketDataFeedPort feed;
    private final ExecutionVenuePort venue;
    private final EventJournalPort journal;
    private final RunArtifactsPort artifacts;
    private final Portfolio portfolio;
    private final RiskEngine risk;
    private final TargetPositionSizer sizer = new TargetPositionSizer();
    private final Map<OrderId, Order> openOrders = new LinkedHashMap<>();
    private final List<StrategySlot> strategies = new ArrayList<>();
    private final VenueReports reports = new VenueReports();
    /** the price each piece of market data marks its instrument at */
    private final MarkPrices marks;

    private SimulatedClock clock;

    private long sequence;
    private long nextOrderId;
    private long marketEvents;
    private long ordersSubmitted;
    private long ordersFilled;
    private long ordersDenied;
    private long fills;

    private final SessionTracker sessionTracker;
    /** whether the account is under a margin call now: reported once per breach */
    private boolean marginCalled;

    private TradingState tradingState = TradingState.ACTIVE;
    /** whether the current state came from the daily loss limit, which lasts until the session ends */
    private boolean stateFromDailyLoss;

    private final List<KillSwitchCommand> commands;
    /** the breach actions, read once: checked after every bar */
    private final BreachAction dailyLossAction;

    private final java.math.BigDecimal dailyLossLimit;
    private final BreachAction drawdownAction;
    private final java.math.BigDecimal drawdownLimit;
    /** recent volatility per instrument, kept only for volatility sizing */
    private final Map<InstrumentId, RollingVolatility> volatility = new HashMap<>();
    /** signal feeds from outside, each with its next signal read ahead */
    private final OutsideSignals outside;
    /** signal ids seen: a repeated one is recorded as a duplicate and never traded twice */
    private final Map<String, String> seenSignalIds = new HashMap<>();
    /** orders the desk sent itself (flattening on a halt) */
    private final java.util.Set<OrderId> deskOrders = new java.util.HashSet<>();

    private int nextCommand;
    /** submission times per strategy within the throttle interval, when a throttle is set */
    private final ThrottleWindow throttle;
    /** the portfolio version last recorded: a mark that changed nothing is not recorded again */
    private long valuedVersion = -1;

    public BacktestEngine(BacktestRequest request) {
        this.request = request;
        this.feed = request.feed();
        this.venue = request.venue();
        this.journal = request.journal();
        this.artifacts = request.artifacts();
        this.portfolio = new Portfolio(request.account(), request.instruments());
        this.sessionTracker = new SessionTracker(request.sessions());
        this.marks = new MarkPrices(portfolio);
        this.risk = RiskEngine.standard(request.riskLimits());
        request.strategies().forEach((id, s) -> strategies.add(new StrategySlot(id, s)));
        this.commands = request.killSwitchCommands();
        RiskLimits limits = request.riskLimits();
        this.dailyLossLimit = limits.dailyLossLimit().orElse(null);
        this.dailyLossAction = dailyLossLimit == null ? BreachAction.DENY : limits.onDailyLoss();
        this.drawdownLimit = limits.maxDrawdown().orElse(null);
        this.drawdownAction = drawdownLimit == null ? BreachAction.DENY : limits.onDrawdown();
        this.outside = new OutsideSignals(request.signalFeeds().values());
        this.throttle = new ThrottleWindow(request.riskLimits());
    }

    /** Runs to the end of the data; on failure journals {@code RunFailed}, keeps what was written and rethrows. */
    public RunSummary run() {
        try {
            if (!feed.hasNext()) {
                throw new BadInputException(feed.description(), 0, null, "no market data to replay");
            }
            MarketData first = feed.next();
            Instant start = first instanceof Bar b ? b.openTime() : first.knownTime();
            clock = new SimulatedClock(start);
            LOG.info("run {} starts at {} on {}", request.name(), start, feed.description());
            publish(new RunStarted(++sequence, start, request.name(), request.seed(), request.initialCash()));
            process(first);
            while (feed.hasNext()) {
                process(feed.next());
            }
            deliverExternalSignalsBefore(
                    Instant.MAX); // signals after the last bar: decided and journaled, never filled
            publish(portfolio.valuation(++sequence, clock.now())); // the closing figures, always
            publish(new RunFinished(++sequence, clock.now(), marketEvents));
            JournalReceipt receipt = journal.finish();
            RunSummary summary = summary(receipt);
            artifacts.finish(summary);
            LOG.info(
                    "run {} finished: {} market events, {} journal events",
                    request.name(),
                    marketEvents,
                    receipt.events());
            return summary;
        } catch (RuntimeException e) {
            fail(e);
            throw e;
        } finally {
            feed.close();
            outside.close();
        }
    }

    private void fail(RuntimeException cause) {
        try {
            Instant when = clock == null ? Instant.EPOCH : clock.now();
            publish(new RunFailed(++sequence, when, String.valueOf(cause.getMessage())));
        } catch (RuntimeException secondary) {
            cause.addSuppressed(secondary);
        } finally {
            try {
                journal.close();
            } finally {
                artifacts.close();
            }
        }
    }

    private void process(MarketData data) {
        Instant known = data.knownTime();
        if (known.isBefore(clock.now())) {
            throw new IllegalStateException("feed went back in time: " + known + " after " + clock.now());
        }
        marketEvents++;
        // a bar trades from its open; a tick at its time
        Instant opens = data instanceof Bar b ? b.openTime() : data instanceof QuoteBar qb ? qb.openTime() : known;
        applyCommandsUntil(known);
        deliverExternalSignalsBefore(known);
        // a bar's session is the one it opens in
        boolean hadSession = sessionTracker.opened() != null;
        if (sessionTracker.enters(opens)) {
            Instant opened = sessionTracker.opened();
            clock.advanceTo(opened.isAfter(clock.now()) ? opened : clock.now());
            if (hadSession) {
                Money tax = portfolio.closeSession();
                if (!tax.isZero()) {
                    publish(new TaxAccrued(++sequence, clock.now(), tax, portfolio.taxes()));
                }
            }
            portfolio.startSession();
            if (stateFromDailyLoss) {
                stateFromDailyLoss = false;
                engage(TradingState.ACTIVE, "a new session began; the daily loss limit is reset", false);
            }
        }
        venue.advanceTo(opens, reports);
        venue.onMarketData(data, reports);
        clock.advanceTo(known);
        venue.advanceTo(known, reports);
        if (data instanceof Bar bar) {
            publish(new BarClosed(++sequence, bar));
        } else if (data instanceof Trade trade) {
            publish(new TradePrinted(++sequence, trade));
        } else if (data instanceof Quote quote) {
            publish(new QuoteUpdated(++sequence, quote));
        } else if (data instanceof QuoteBar quoteBar) {
            publish(new QuoteBarClosed(++sequence, quoteBar));
        } else {
            publish(new BookUpdated(++sequence, (BookUpdate) data));
        }
        Price mark = marks.of(data);
        if (mark != null) {
            portfolio.mark(data.instrument(), mark);
        }
        if (request.sizing() instanceof Sizing.Volatility v && mark != null) {
            volatility
                    .computeIfAbsent(data.instrument(), k -> new RollingVolatility(v.lookback()))
                    .add(mark.toBigDecimal().doubleValue());
        }
        checkBreaches();
        checkMargin();
        for (StrategySlot slot : strategies) {
            List<Signal> signals = slot.strategy.onMarketData(data, slot);
            slot.carryOutRequests();
            for (int i = 0; i < signals.size(); i++) {
                handle(slot.id, signals.get(i));
            }
        }
        if (portfolio.version() != valuedVersion || marketEvents == 1) {
            valuedVersion = portfolio.version();
            publish(portfolio.valuation(++sequence, clock.now()));
        }
    }

    private void handle(String strategyId, Signal signal) {
        Instant now = clock.now();
        long signalSequence = ++sequence;
        publish(new SignalRaised(signalSequence, now, strategyId, signal));
        Instrument instrument = portfolio.instrument(signal.instrument());
        // a strategy's target is its own position: its fills and its open orders, not its neighbours'
        Quantity held = portfolio.position(strategyId, instrument.id());
        Quantity pending = pendingQuantity(instrument.id(), strategyId);
        Quantity target = signal.target();
        if (!(request.sizing() instanceof Sizing.Fixed)) {
            Optional<Price> last = portfolio.lastPrice(instrument.id());
            RollingVolatility vol = volatility.get(instrument.id());
            Sizing.Result r = last.isEmpty()
                    ? new Sizing.Result(null, "no price known yet")
                    : request.sizing()
                            .size(
                                    target,
                                    instrument,
                                    portfolio.equity(),
                                    last.get(),
                                    vol == null ? Optional.empty() : vol.value());
            if (r.target() == null) {
                publish(new SignalSkipped(
                        ++sequence,
                        now,
                        strategyId,
                        signalSequence,
                        instrument.id(),
                        "cannot size the signal: " + r.how()));
                return;
            }
            target = r.target();
        }
        Optional<OrderRequest> sized = sizer.size(strategyId, signal, target, instrument, held, pending);
        if (sized.isEmpty()) {
            publish(new SignalSkipped(
                    ++sequence,
                    now,
                    strategyId,
                    signalSequence,
                    instrument.id(),
                    "target " + target + " is already held or on its way (position " + held + ", open orders " + pending
                            + ")"));
            return;
        }
        decideAndSubmit(strategyId, signalSequence, sized.get(), pendingQuantity(instrument.id(), null), false);
    }

    /** Creates the order, runs it through the risk engine and, if approved, sends it to the venue. */
    private void decideAndSubmit(
            String strategyId, long signalSequence, OrderRequest orderRequest, Quantity pending, boolean desk) {
        Instant now = clock.now();
        Instrument instrument = portfolio.instrument(orderRequest.instrument());
        OrderId id = new OrderId(++nextOrderId);
        Order order = new Order(id, orderRequest, now);
        publish(new OrderInitialized(++sequence, now, id, orderRequest));
        Price reference = referencePrice(orderRequest);
        Money fee = reference == null
                ? Money.zero(instrument.currency())
                : venue.estimateFee(instrument, orderRequest.quantity(), reference);
        RiskContext context = new RiskContext(
                portfolio,
                instrument,
                reference,
                pending,
                reservedCash(instrument.currency()),
                fee,
                portfolio.sessionStartEquity(),
                throttle.recentOrders(strategyId, orderRequest.instrument(), now),
                tradingState,
                desk);
        RiskDecision decision = risk.check(orderRequest, context);
        publish(new RiskEvaluated(
                ++sequence,
                now,
                id,
                strategyId,
                signalSequence,
                instrument.id(),
                decision.approved(),
                decision.checks()));
        if (decision.approved()) {
            order.apply(OrderAction.SUBMIT);
            openOrders.put(id, order);
            if (desk) {
                deskOrders.add(id);
            }
            Instant arrival = venue.submit(id, orderRequest, now);
            throttle.recordSubmission(strategyId, orderRequest.instrument(), now);
            ordersSubmitted++;
            publish(new OrderSubmitted(++sequence, now, id, arrival));
        } else {
            RuleCheck failure = decision.firstFailure().orElseThrow();
            order.deny(failure.code());
            ordersDenied++;
            publish(new OrderDenied(++sequence, now, id, failure.code(), failure.rule(), failure.detail()));
        }
    }

    @Override
    public void engage(TradingState to, String cause, boolean flatten) {
        Instant now = clock.now();
        if (to != tradingState) {
            publish(new TradingStateChanged(++sequence, now, tradingState, to, cause));
            tradingState = to;
        }
        if (to != TradingState.HALTED) {
            return;
        }
        for (Order order : new ArrayList<>(openOrders.values())) {
            if (order.status() == OrderStatus.ACCEPTED
                    || order.status() == OrderStatus.PARTIALLY_FILLED
                    || order.status() == OrderStatus.SUBMITTED) {
                if (order.status() == OrderStatus.SUBMITTED) {
                    continue; // not at the venue yet: it will be canceled once accepted, see VenueReports.accepted
                }
                requestCancel(order, "kill switch: " + cause);
            }
        }
        if (flatten) {
            flatten("kill switch: " + cause);
        }
    }

    /** Closes every strategy's positions with market orders the desk sends in the strategy's name. */
    private void flatten(String why) {
        Instant now = clock.now();
        // each strategy's own position is closed in its name, so its books stay true; the desk sends the order
        for (StrategyPnl strategy : portfolio.strategies()) {
            for (PositionView p : portfolio.positions()) {
                Quantity held = portfolio.position(strategy.strategyId(), p.instrument());
                if (held.isZero()) {
                    continue;
                }
                Signal flat = Signal.target(
                        "flatten", p.instrument(), Quantity.ZERO, why, Map.of("position", held.toString()));
                long signalSequence = ++sequence;
                publish(new SignalRaised(signalSequence, now, strategy.strategyId(), flat));
                OrderRequest close = OrderRequest.market(
                        strategy.strategyId(), p.instrument(), Side.ofSign(-held.signum()), held.abs());
                decideAndSubmit(strategy.strategyId(), signalSequence, close, Quantity.ZERO, true);
            }
        }
    }

    /** Takes every outside signal stamped before {@code time}, in time order, each as a decision made at its time. */
    private void deliverExternalSignalsBefore(Instant time) {
        for (ExternalSignal s = outside.nextBefore(time); s != null; s = outside.nextBefore(time)) {
            clock.advanceTo(s.time());
            venue.advanceTo(clock.now(), reports);
            handleExternal(s);
        }
    }

    private void handleExternal(ExternalSignal s) {
        Instant now = clock.now();
        Instrument instrument = portfolio.instrument(s.instrument());
        Optional<Price> last = portfolio.lastPrice(instrument.id());
        Sizing.Result wanted = ExternalSignalSizing.target(s, instrument, portfolio.equity(), last);
        Quantity target = wanted.target();
        String sizing = wanted.how();
        Map<String, String> fields = new java.util.TreeMap<>();
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
        Signal signal = new Signal(
                "external-" + s.side().name().toLowerCase(java.util.Locale.ROOT),
                instrument.id(),
                target == null ? Quantity.ZERO : target,
                s.order(),
                "signal " + s.signalId() + " (" + sizing + ")",
                fields);
        long signalSequence = ++sequence;
        publish(new SignalRaised(signalSequence, now, s.strategyId(), signal));
        String firstSeen = seenSignalIds.putIfAbsent(s.signalId(), s.source());
        if (firstSeen != null) {
            publish(new SignalSkipped(
                    ++sequence,
                    now,
                    s.strategyId(),
                    signalSequence,
                    instrument.id(),
                    "duplicate signal_id " + s.signalId() + " (first at " + firstSeen + "): not traded again"));
            return;
        }
        if (target == null) {
            publish(new SignalSkipped(++sequence, now, s.strategyId(), signalSequence, instrument.id(), sizing));
            return;
        }
        Quantity held = portfolio.position(s.strategyId(), instrument.id());
        Quantity pending = pendingQuantity(instrument.id(), s.strategyId());
        Optional<OrderRequest> sized = sizer.size(s.strategyId(), signal, instrument, held, pending);
        if (sized.isEmpty()) {
            publish(new SignalSkipped(
                    ++sequence,
                    now,
                    s.strategyId(),
                    signalSequence,
                    instrument.id(),
                    "target " + target + " is already held or on its way (position " + held + ", open orders " + pending
                            + ")"));
            return;
        }
        OrderRequest order =
                ExternalSignalSizing.capSlippage(sized.get(), instrument, last.orElse(null), s.maxSlippageBps());
        Price reference = referencePrice(order);
        Optional<OrderRequest> capped = ExternalSignalSizing.capNotional(order, instrument, reference, s.maxNotional());
        if (capped.isEmpty()) {
            publish(new SignalSkipped(
                    ++sequence,
                    now,
                    s.strategyId(),
                    signalSequence,
                    instrument.id(),
                    "max_notional " + s.maxNotional().toPlainString() + " buys less than one lot at " + reference));
            return;
        }
        order = capped.get();
        decideAndSubmit(s.strategyId(), signalSequence, order, pendingQuantity(instrument.id(), null), false);
    }

    /** Operator commands due by {@code time}, then the automatic transitions on breached limits. */
    private void applyCommandsUntil(Instant time) {
        while (nextCommand < commands.size() && commands.get(nextCommand).at().isBefore(time)) {
            KillSwitchCommand c = commands.get(nextCommand++);
            clock.advanceTo(c.at());
            stateFromDailyLoss = false;
            engage(c.state(), "command: " + c.reason(), c.flatten());
        }
    }

    /** A margin call is reported when equity falls below maintenance, and answered by liquidation if configured. */
    private void checkMargin() {
        boolean called = portfolio.isMarginCalled();
        if (called && !marginCalled) {
            boolean liquidate = request.account().liquidateOnMarginCall();
            publish(new MarginCalled(
                    ++sequence, clock.now(), portfolio.equity(), portfolio.marginRequirement(true), liquidate));
            if (liquidate) {
                flatten("margin call: equity " + portfolio.equity().amount() + " < maintenance margin "
                        + portfolio.marginRequirement(true).amount());
            }
        }
        marginCalled = called;
    }

    private void checkBreaches() {
        if (dailyLossAction != BreachAction.DENY) {
            Money loss = portfolio.dailyPnl().negate();
            if (loss.toBigDecimal().compareTo(dailyLossLimit) > 0) {
                TradingState to = dailyLossAction.state();
                if (to.isStricterThan(tradingState)) {
                    stateFromDailyLoss = true;
                    engage(
                            to,
                            "daily loss " + loss.amount() + " > limit " + dailyLossLimit.toPlainString()
                                    + " (until the session ends)",
                            dailyLossAction == BreachAction.HALT_AND_FLATTEN);
                }
            }
        }
        if (drawdownAction != BreachAction.DENY) {
            var drawdown = portfolio.drawdown();
            if (drawdown.compareTo(drawdownLimit) > 0) {
                TradingState to = drawdownAction.state();
                if (to.isStricterThan(tradingState)) {
                    stateFromDailyLoss = false;
                    engage(
                            to,
                            "drawdown " + drawdown.stripTrailingZeros().toPlainString() + " > limit "
                                    + drawdownLimit.toPlainString(),
                            drawdownAction == BreachAction.HALT_AND_FLATTEN);
                }
            }
        }
    }

    /** The price an order is expected to trade at: its limit, a stop's trigger, else the last price. */
    private Price referencePrice(OrderRequest order) {
        if (order.limitPrice() != null) {
            return order.limitPrice();
        }
        if (order.triggerPrice() != null) {
            return order.triggerPrice();
        }
        return portfolio.lastPrice(order.instrument()).orElse(null);
    }

    /** Signed quantity of open orders in an instrument, of one strategy or (null) of all. */
    private Quantity pendingQuantity(InstrumentId instrument, String strategyId) {
        Quantity sum = Quantity.ZERO;
        for (Order o : openOrders.values()) {
            if (o.instrument().equals(instrument)
                    && (strategyId == null || o.strategyId().equals(strategyId))) {
                sum = sum.plus(o.side().signed(o.leavesQuantity()));
            }
        }
        return sum;
    }

    /** What open buy orders paid in {@code currency} will cost at their reference prices, fees included. */
    private Money reservedCash(Currency currency) {
        return reservedCash(currency, null);
    }

    private Money reservedCash(Currency currency, OrderId except) {
        Money reserved = Money.zero(currency);
        for (Order o : openOrders.values()) {
            if (o.side() != Side.BUY || o.id().equals(except)) {
                continue;
            }
            Instrument ins = portfolio.instrument(o.instrument());
            Price ref = referencePrice(o.request());
            if (ref != null && ins.currency().equals(currency)) {
                if (ins.assetClass() != io.eventdesk.domain.instrument.AssetClass.FUTURE) {
                    reserved = reserved.plus(ins.notional(ref, o.leavesQuantity()));
                }
                reserved = reserved.plus(venue.estimateFee(ins, o.leavesQuantity(), ref));
            }
        }
        return reserved;
    }

    private void publish(Event event) {
        journal.append(event);
        artifacts.record(event);
    }

    private RunSummary summary(JournalReceipt receipt) {
        return new RunSummary(
                request.name(),
                portfolio.initialCash(),
                portfolio.cash(),
                portfolio.equity(),
                portfolio.realizedPnl(),
                portfolio.unrealizedPnl(),
                portfolio.totalFees(),
                ordersSubmitted,
                ordersFilled,
                ordersDenied,
                fills,
                portfolio.maxDrawdown(),
                marketEvents,
                receipt.events(),
                receipt.digest(),
                portfolio.strategies(),
                portfolio.accountType().name().toLowerCase(java.util.Locale.ROOT),
                portfolio.balances(),
                portfolio.taxes(),
                portfolio.exposureByAssetClass(),
                portfolio.peakEquity(),
                portfolio.leverage(),
                portfolio.drawdown(),
                portfolio.dailyPnl(),
                portfolio.positions());
    }

    private Order open(OrderId id) {
        Order order = openOrders.get(id);
        if (order == null) {
            throw new IllegalStateException("venue reported on " + id + ", which is not an open order");
        }
        return order;
    }

    private void closeIfDone(Order order) {
        if (order.isClosed()) {
            openOrders.remove(order.id());
        }
    }

    /** What strategies see: read-only, and only their own open orders. */
    private final class StrategySlot implements StrategyContext {
        final String id;
        final Strategy strategy;
        final List<OrderRequestChange> requests = new ArrayList<>();

        StrategySlot(String id, Strategy strategy) {
            this.id = id;
            this.strategy = strategy;
        }

        @Override
        public String strategyId() {
            return id;
        }

        @Override
        public Instant now() {
            return clock.now();
        }

        @Override
        public PortfolioView portfolio() {
            return portfolio;
        }

        @Override
        public Quantity pendingQuantity(InstrumentId instrument) {
            return BacktestEngine.this.pendingQuantity(instrument, id);
        }

        @Override
        public List<OrderView> openOrders() {
            List<OrderView> own = new ArrayList<>();
            for (Order o : openOrders.values()) {
                if (o.strategyId().equals(id)) {
                    own.add(o.view());
                }
            }
            return own;
        }

        @Override
        public void cancel(OrderId order, String reason) {
            requests.add(new OrderRequestChange(order, null, null, null, reason));
        }

        @Override
        public void replace(
                OrderId order, Quantity newQuantity, Price newLimitPrice, Price newTriggerPrice, String reason) {
            if (newQuantity == null || !newQuantity.isPositive()) {
                throw new IllegalArgumentException(id + ": a replace needs a positive quantity, got " + newQuantity);
            }
            requests.add(new OrderRequestChange(order, newQuantity, newLimitPrice, newTriggerPrice, reason));
        }

        void carryOutRequests() {
            if (requests.isEmpty()) {
                return;
            }
            for (OrderRequestChange change : requests) {
                Order order = openOrders.get(change.order());
                if (order == null || !order.strategyId().equals(id)) {
                    throw new IllegalStateException("strategy " + id + " asked to change " + change.order()
                            + ", which is not one of its open orders");
                }
                if (change.quantity() == null) {
                    requestCancel(order, change.reason());
                } else {
                    requestReplace(order, change);
                }
            }
            requests.clear();
        }
    }

    /** A strategy's request about one of its orders: a cancel when {@code quantity} is null, else a replace. */
    private record OrderRequestChange(
            OrderId order, Quantity quantity, Price limitPrice, Price triggerPrice, String reason) {}

    private void requestCancel(Order order, String reason) {
        Instant now = clock.now();
        order.apply(OrderAction.PENDING_CANCEL);
        publish(new OrderPendingCancel(++sequence, now, order.id(), reason));
        venue.cancel(order.id(), now);
    }

    private void requestReplace(Order order, OrderRequestChange change) {
        Instant now = clock.now();
        OrderRequest current = order.request();
        Quantity remaining = change.quantity().minus(order.filledQuantity());
        if (!remaining.isPositive()) {
            throw new IllegalStateException("strategy " + order.strategyId() + " asked to replace " + order.id()
                    + " with quantity " + change.quantity() + ", not more than the " + order.filledQuantity()
                    + " already filled");
        }
        OrderRequest replaced;
        try {
            replaced = current.withQuantityAndPrices(change.quantity(), change.limitPrice(), change.triggerPrice());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                    "strategy " + order.strategyId() + " asked for an impossible replace of " + order.id() + ": "
                            + e.getMessage(),
                    e);
        }
        OrderRequest rest = replaced.withQuantityAndPrices(remaining, change.limitPrice(), change.triggerPrice());
        Instrument instrument = portfolio.instrument(order.instrument());
        Price reference = referencePrice(rest);
        Money fee = reference == null
                ? Money.zero(instrument.currency())
                : venue.estimateFee(instrument, rest.quantity(), reference);
        Quantity othersPending =
                pendingQuantity(order.instrument(), null).minus(order.side().signed(order.leavesQuantity()));
        Money othersReserved = reservedCash(instrument.currency(), order.id());
        RiskDecision decision = risk.check(
                rest,
                new RiskContext(
                        portfolio,
                        instrument,
                        reference,
                        othersPending,
                        othersReserved,
                        fee,
                        portfolio.sessionStartEquity(),
                        throttle.recentOrders(order.strategyId(), order.instrument(), now),
                        tradingState,
                        false));
        publish(new RiskEvaluated(
                ++sequence,
                now,
                order.id(),
                order.strategyId(),
                0,
                instrument.id(),
                decision.approved(),
                decision.checks()));
        if (!decision.approved()) {
            RuleCheck failure = decision.firstFailure().orElseThrow();
            publish(new OrderModifyDenied(
                    ++sequence, now, order.id(), failure.code(), failure.rule(), failure.detail()));
            return;
        }
        order.apply(OrderAction.PENDING_REPLACE);
        publish(new OrderPendingReplace(
                ++sequence,
                now,
                order.id(),
                change.quantity(),
                change.limitPrice(),
                change.triggerPrice(),
                change.reason()));
        venue.replace(order.id(), change.quantity(), change.limitPrice(), change.triggerPrice(), now);
    }

    /** The venue's reports, turned into order transitions, journal events and portfolio changes. */
    private final class VenueReports implements ExecutionReportListener {
        @Override
        public PortfolioView account() {
            return portfolio;
        }

        @Override
        public void accepted(OrderId id, Instant time) {
            Order order = open(id);
            order.apply(OrderAction.ACCEPT);
            publish(new OrderAccepted(++sequence, time, id));
            if (tradingState == TradingState.HALTED && !deskOrders.contains(id)) {
                requestCancel(order, "kill switch: trading is HALTED"); // it was on its way when the desk halted
            }
        }

        @Override
        public void rejected(OrderId id, Instant time, String reason) {
            Order order = open(id);
            order.apply(OrderAction.REJECT);
            publish(new OrderRejected(++sequence, time, id, reason));
            closeIfDone(order);
        }

        @Override
        public void filled(
                OrderId id,
                Instant time,
                String fillId,
                Quantity quantity,
                Price price,
                Price slippage,
                Money fee,
                Liquidity liquidity) {
            Order order = open(id);
            order.fill(fillId, quantity, price);
            OrderFilled fill = new OrderFilled(
                    ++sequence,
                    time,
                    id,
                    fillId,
                    order.strategyId(),
                    order.instrument(),
                    order.side(),
                    quantity,
                    price,
                    slippage,
                    fee,
                    liquidity);
            publish(fill);
            portfolio.apply(fill);
            fills++;
            if (order.status() == OrderStatus.FILLED) {
                ordersFilled++;
            }
            closeIfDone(order);
        }

        @Override
        public void triggered(OrderId id, Instant time, Price price) {
            open(id);
            publish(new OrderTriggered(++sequence, time, id, price));
        }

        @Override
        public void canceled(OrderId id, Instant time, String reason) {
            Order order = open(id);
            order.apply(OrderAction.CANCEL);
            publish(new OrderCanceled(++sequence, time, id, reason));
            closeIfDone(order);
        }

        @Override
        public void cancelRejected(OrderId id, Instant time, String reason) {
            undoPending(id, OrderStatus.PENDING_CANCEL, OrderAction.CANCEL_REJECT);
            publish(new OrderCancelRejected(++sequence, time, id, reason));
        }

        @Override
        public void replaced(
                OrderId id, Instant time, Quantity newQuantity, Price newLimitPrice, Price newTriggerPrice) {
            open(id).replace(newQuantity, newLimitPrice, newTriggerPrice);
            publish(new OrderReplaced(++sequence, time, id, newQuantity, newLimitPrice, newTriggerPrice));
        }

        @Override
        public void replaceRejected(OrderId id, Instant time, String reason) {
            undoPending(id, OrderStatus.PENDING_REPLACE, OrderAction.REPLACE_REJECT);
            publish(new OrderReplaceRejected(++sequence, time, id, reason));
        }

        /**
         * A refused cancel or replace returns a still-pending order to its previous status; an order that filled
         * while the request travelled is closed already, and the refusal is only recorded.
         */
        private void undoPending(OrderId id, OrderStatus pending, OrderAction undo) {
            Order order = openOrders.get(id);
            if (order != null && order.status() == pending) {
                order.apply(undo);
            }
        }

        @Override
        public void expired(OrderId id, Instant time) {
            Order order = open(id);
            order.apply(OrderAction.EXPIRE);
            publish(new OrderExpired(++sequence, time, id));
            closeIfDone(order);
        }
    }
}
