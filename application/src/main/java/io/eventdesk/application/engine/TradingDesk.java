package io.eventdesk.application.engine;

import io.eventdesk.application.usecase.BacktestRequest;
import io.eventdesk.domain.event.MarketEvent;
import io.eventdesk.domain.event.OperatorCommanded;
import io.eventdesk.domain.event.PeerActivityReceived;
import io.eventdesk.domain.event.RunFailed;
import io.eventdesk.domain.event.RunFinished;
import io.eventdesk.domain.event.RunStarted;
import io.eventdesk.domain.event.SignalReceived;
import io.eventdesk.domain.event.TaxAccrued;
import io.eventdesk.domain.market.MarkPrices;
import io.eventdesk.domain.market.MarketData;
import io.eventdesk.domain.port.ExecutionVenuePort;
import io.eventdesk.domain.port.JournalReceipt;
import io.eventdesk.domain.portfolio.Portfolio;
import io.eventdesk.domain.risk.KillSwitchCommand;
import io.eventdesk.domain.run.RunSummary;
import io.eventdesk.domain.signal.ExternalSignal;
import io.eventdesk.domain.trading.TradingState;
import io.eventdesk.domain.value.Money;
import io.eventdesk.domain.value.Price;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The desk in its named parts, fed one input at a time: a piece of market data, a signal from outside, an operator's
 * command. The batch loop ({@link BacktestEngine}) feeds it from files; anything else that keeps time can feed it the
 * same way. The parts:
 *
 * <ul>
 *   <li>{@link EventPublisher}: the sequence and the journal hand-off;
 *   <li>{@link OrderManager}: open orders, what they commit, cancel and replace, the venue's reports;
 *   <li>{@link PreTradeGate}: the one risk context, every rule, the throttle;
 *   <li>{@link KillSwitch}: the trading state, breaches, commands, margin calls, flattening;
 *   <li>{@link SignalRouter}: strategies' and outside signals to orders;
 *   <li>{@link StrategyHost}: the strategies and their requests.
 * </ul>
 *
 * For each piece of market data: the venue processes arrivals and expiries up to its open and matches resting orders
 * against it; the clock moves to when it becomes known; it is journaled and marks the portfolio; the kill switch
 * looks at the new figures; the strategies see it; the portfolio's figures are journaled when they changed.
 */
final class TradingDesk {
    private final BacktestRequest request;
    private final SimulatedClock clock = new SimulatedClock(Instant.MIN);
    private final EventPublisher publisher;
    private final Portfolio portfolio;
    private final ExecutionVenuePort venue;
    private final KillSwitch killSwitch;
    private final OrderManager orders;
    private final PreTradeGate gate;
    private final OtherProcesses others;
    private final SignalRouter router;
    private final StrategyHost strategies;
    private final SessionTracker sessions;
    /** the price each piece of market data marks its instrument at */
    private final MarkPrices marks;

    private boolean started;
    private long marketEvents;
    private Instant lastMarketTime;
    /** the portfolio version last recorded: a mark that changed nothing is not recorded again */
    private long valuedVersion = -1;

    TradingDesk(BacktestRequest request) {
        this.request = request;
        this.publisher = new EventPublisher(request.journal(), request.artifacts());
        this.portfolio = new Portfolio(request.account(), request.instruments());
        this.venue = request.venue();
        this.others = new OtherProcesses(portfolio);
        this.killSwitch = new KillSwitch(
                publisher,
                clock,
                portfolio,
                request.account(),
                request.riskLimits(),
                request.killSwitchCommands(),
                others);
        this.gate = new PreTradeGate(request.riskLimits(), portfolio, venue, killSwitch, publisher, others);
        this.orders = new OrderManager(publisher, clock, portfolio, venue, gate, killSwitch);
        killSwitch.connect(orders);
        this.router = new SignalRouter(publisher, clock, portfolio, orders, request.sizing());
        this.strategies = new StrategyHost(request.strategies(), clock, portfolio, orders, router);
        this.sessions = new SessionTracker(request.sessions());
        this.marks = new MarkPrices(portfolio::instrument);
    }

    /** The run starts at {@code start}: the open of its first market data. */
    void start(Instant start) {
        clock.advanceTo(start);
        started = true;
        publisher.publish(
                new RunStarted(publisher.next(), start, request.name(), request.seed(), request.initialCash()));
    }

    Instant now() {
        return clock.now();
    }

    KillSwitch killSwitch() {
        return killSwitch;
    }

    Portfolio portfolio() {
        return portfolio;
    }

    OrderManager orders() {
        return orders;
    }

    EventPublisher publisher() {
        return publisher;
    }

    boolean started() {
        return started;
    }

    /** An operator's command, taken at its time. */
    void onCommand(KillSwitchCommand command) {
        clock.advanceTo(command.at());
        killSwitch.command(command);
    }

    /** A cancel of an open order asked from outside at {@code at}; false when no such order is open. */
    boolean onCancel(io.eventdesk.domain.order.OrderId id, String reason, Instant at) {
        clock.advanceTo(at);
        venue.advanceTo(clock.now(), orders);
        io.eventdesk.domain.order.lifecycle.Order order = orders.open(id);
        if (order == null) {
            return false;
        }
        orders.cancel(order, reason);
        return true;
    }

    /** Makes everything published so far durable in the journal; the run files follow. */
    void flushJournal() {
        request.journal().flush();
        request.artifacts().durableThrough(request.journal().durableThrough());
    }

    /** Up to which sequence number the journal has made everything durable. */
    long durableThrough() {
        return request.journal().durableThrough();
    }

    /** A session's signal: journaled as taken ({@link SignalReceived}, at its stamp), then routed. */
    void onReceivedSignal(ExternalSignal signal) {
        clock.advanceTo(signal.time());
        publisher.publish(new SignalReceived(publisher.next(), signal.time(), signal));
        onSignal(signal);
    }

    /**
     * A session's operator command: journaled as taken ({@link OperatorCommanded}), then applied.
     *
     * @return for a cancel, whether an open order had the id; true for a trading-state command
     */
    boolean onOperatorCommand(
            OperatorCommanded.Kind kind,
            TradingState state,
            boolean flatten,
            io.eventdesk.domain.order.OrderId orderId,
            String reason,
            Instant at) {
        clock.advanceTo(at);
        publisher.publish(new OperatorCommanded(publisher.next(), clock.now(), kind, state, flatten, orderId, reason));
        return replayCommand(kind, state, flatten, orderId, reason, clock.now());
    }

    /** Applies a journaled operator command (a session's, or one read back from its journal). */
    boolean replayCommand(
            OperatorCommanded.Kind kind,
            TradingState state,
            boolean flatten,
            io.eventdesk.domain.order.OrderId orderId,
            String reason,
            Instant at) {
        if (kind == OperatorCommanded.Kind.TRADING_STATE) {
            onCommand(new KillSwitchCommand(at, state, flatten, reason));
            return true;
        }
        return onCancel(orderId, reason, at);
    }

    /**
     * What the desk's other processes did, as a session heard of it: journaled as taken
     * ({@link PeerActivityReceived}), then their orders counted in the throttle's windows and their daily PnL in the
     * daily loss, which the kill switch looks at again.
     */
    void onPeerActivity(
            List<PeerActivityReceived.Submission> submissions,
            List<PeerActivityReceived.DailyPnl> dailyPnl,
            Instant at) {
        clock.advanceTo(at);
        publisher.publish(new PeerActivityReceived(publisher.next(), clock.now(), submissions, dailyPnl));
        submissions.forEach(gate::submittedElsewhere);
        others.reported(dailyPnl);
        killSwitch.check();
    }

    /** The session's market data source switched: journaled, nothing else changes. */
    void onFeedSwitched(String from, String to, String reason, Instant at) {
        clock.advanceTo(at);
        publisher.publish(new io.eventdesk.domain.event.FeedSwitched(publisher.next(), clock.now(), from, to, reason));
    }

    /** The other processes whose daily PnL cannot be valued in the base currency now, and why (not counted). */
    List<String> uncountedProcesses() {
        return others.uncounted();
    }

    /** A signal from outside, taken as a decision made at its time: requests due by then arrive first. */
    void onSignal(ExternalSignal signal) {
        clock.advanceTo(signal.time());
        venue.advanceTo(clock.now(), orders);
        router.route(signal);
    }

    void onMarketData(MarketData data) {
        Instant known = data.knownTime();
        if (known.isBefore(clock.now())) {
            throw new IllegalStateException("feed went back in time: " + known + " after " + clock.now());
        }
        take(data, known);
    }

    /**
     * Market data that reached a running session late: known before the desk's clock, which a signal or a command
     * stamped since moved on. It is taken now (the clock never goes back); the venue still matches it by its own
     * open time, so nothing fills on data older than an order's arrival.
     */
    void onLateMarketData(MarketData data) {
        Instant known = data.knownTime();
        take(data, known.isBefore(clock.now()) ? clock.now() : known);
    }

    private void take(MarketData data, Instant known) {
        lastMarketTime = known;
        marketEvents++;
        Instant opens = data.openTime();
        // a bar's session is the one it opens in
        boolean hadSession = sessions.opened() != null;
        if (sessions.enters(opens)) {
            clock.advanceTo(sessions.opened());
            if (hadSession) {
                Money tax = portfolio.closeSession();
                if (!tax.isZero()) {
                    publisher.publish(new TaxAccrued(publisher.next(), clock.now(), tax, portfolio.taxes()));
                }
            }
            portfolio.startSession();
            killSwitch.sessionStarted();
        }
        venue.advanceTo(opens, orders);
        venue.onMarketData(data, orders);
        clock.advanceTo(known);
        venue.advanceTo(known, orders);
        publishMarket(data);
        Price mark = marks.of(data);
        if (mark != null) {
            portfolio.mark(data.instrument(), mark);
            router.marked(data.instrument(), mark);
        }
        killSwitch.check();
        strategies.onMarketData(data);
        if (portfolio.version() != valuedVersion || marketEvents == 1) {
            valuedVersion = portfolio.version();
            publisher.publish(portfolio.valuation(publisher.next(), clock.now()));
        }
    }

    private void publishMarket(MarketData data) {
        publisher.publish(MarketEvent.of(publisher.next(), data));
    }

    /** The run ends: the closing figures, {@code RunFinished}, the journal's receipt and the summary. */
    RunSummary finish() {
        publisher.publish(portfolio.valuation(publisher.next(), clock.now())); // the closing figures, always
        publisher.publish(new RunFinished(publisher.next(), clock.now(), marketEvents));
        JournalReceipt receipt = request.journal().finish();
        request.artifacts().durableThrough(request.journal().durableThrough());
        RunSummary summary = summary(receipt);
        request.artifacts().finish(summary);
        return summary;
    }

    /** The run failed: {@code RunFailed} with the reason after whatever was journaled, then the stores close. */
    void fail(RuntimeException cause) {
        try {
            Instant when = started ? clock.now() : Instant.EPOCH;
            publisher.publish(new RunFailed(publisher.next(), when, String.valueOf(cause.getMessage())));
        } catch (RuntimeException secondary) {
            cause.addSuppressed(secondary);
        } finally {
            try {
                request.journal().close();
            } finally {
                try {
                    request.artifacts().durableThrough(request.journal().durableThrough());
                } finally {
                    request.artifacts().close(); // files end where the journal's commits end
                }
            }
        }
    }

    /** When the last market data was taken, or null before any. */
    Instant lastMarketTime() {
        return lastMarketTime;
    }

    long marketEvents() {
        return marketEvents;
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
                orders.submitted(),
                orders.filled(),
                orders.denied(),
                orders.fills(),
                portfolio.maxDrawdown(),
                marketEvents,
                receipt.events(),
                receipt.digest(),
                portfolio.strategies(),
                portfolio.accountType().name().toLowerCase(Locale.ROOT),
                portfolio.balances(),
                portfolio.taxes(),
                portfolio.exposureByAssetClass(),
                portfolio.peakEquity(),
                portfolio.leverage(),
                portfolio.drawdown(),
                portfolio.dailyPnl(),
                portfolio.positions());
    }
}
