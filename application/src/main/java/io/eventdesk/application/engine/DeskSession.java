package io.eventdesk.application.engine;

import io.eventdesk.application.usecase.BacktestRequest;
import io.eventdesk.application.usecase.CancelOrderUseCase;
import io.eventdesk.application.usecase.ChangeTradingStateUseCase;
import io.eventdesk.application.usecase.IngestSignalUseCase;
import io.eventdesk.application.usecase.QueryDeskUseCase;
import io.eventdesk.application.usecase.SignalDecision;
import io.eventdesk.domain.event.Event;
import io.eventdesk.domain.event.OperatorCommanded;
import io.eventdesk.domain.market.MarketData;
import io.eventdesk.domain.order.lifecycle.Order;
import io.eventdesk.domain.port.ClockPort;
import io.eventdesk.domain.port.MarketDataFeedPort;
import io.eventdesk.domain.port.RunHistoryPort;
import io.eventdesk.domain.port.SharedTradingStatePort;
import io.eventdesk.domain.portfolio.Portfolio;
import io.eventdesk.domain.run.RunSummary;
import io.eventdesk.domain.signal.ExternalSignal;
import io.eventdesk.domain.trading.TradingState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * A desk that runs as a session: the same engine parts as a backtest ({@link TradingDesk}), fed by several sources
 * at once — market data from a live source, signals and operator commands from an API — on one engine thread.
 * Callers on any thread hand an input to the engine thread and wait for its answer; only the engine thread touches
 * the desk's state. Each input is stamped with the session's clock (never before the desk's own time), journaled,
 * then applied, in the order the engine thread takes them, so the journal holds the session exactly as it ran.
 *
 * <p>A failure on the engine thread (a bug, a strategy that throws) ends the session: {@code RunFailed} is journaled
 * after what was, and every later call is refused with the cause.
 */
public final class DeskSession
        implements IngestSignalUseCase, ChangeTradingStateUseCase, QueryDeskUseCase, CancelOrderUseCase {
    /** market data waiting for the engine thread: a source faster than the desk waits here */
    static final int QUEUE = 4096;
    /** the most inputs taken between two journal flushes */
    static final int GROUP = 512;

    /** the answers of the inputs taken since the last flush, given once the journal holds them (engine thread) */
    private final List<Runnable> answers = new ArrayList<>();

    private volatile SharedTradingStatePort shared;
    private volatile String sharedProblem;

    private boolean journalClosed;

    private final TradingDesk desk;
    private final io.eventdesk.domain.risk.RiskLimits limits;
    private final ClockPort clock;
    private final BlockingQueue<Runnable> inputs = new ArrayBlockingQueue<>(QUEUE);
    private final Thread engine;
    /** every signal's decision, by id and in order (engine thread only) */
    private final SignalLedger ledger = new SignalLedger();

    private volatile RuntimeException failure;
    private volatile boolean stopping;
    /** the events of the signal being routed, seen while {@code capturing} (engine thread only) */
    private final List<Event> published = new ArrayList<>();

    private boolean capturing;

    public DeskSession(BacktestRequest request, ClockPort clock) {
        this.desk = new TradingDesk(request);
        this.limits = request.riskLimits();
        this.notional = io.eventdesk.domain.value.Money.zero(desk.portfolio().baseCurrency());
        this.clock = clock;
        this.engine = new Thread(this::loop, "eventdesk-engine-" + request.name());
        engine.setDaemon(true);
    }

    /** Starts the engine thread and the run, at the clock's time. */
    public void start() {
        engine.start();
        call(() -> {
            observe();
            desk.start(clock.now());
            return null;
        });
    }

    private void observe() {
        desk.publisher().observe(e -> {
            if (capturing) {
                published.add(e);
            }
            if (e instanceof io.eventdesk.domain.event.OrderInitialized o) {
                initialized = o;
            } else if (e instanceof io.eventdesk.domain.event.OrderSubmitted s
                    && initialized != null
                    && initialized.orderId().equals(s.orderId())) {
                SharedTradingStatePort port = shared;
                if (port != null) {
                    port.submitted(
                            initialized.request().strategyId(),
                            initialized.request().instrument(),
                            s.time());
                }
            }
            if (e instanceof io.eventdesk.domain.event.OrderFilled f) {
                fills++;
                Portfolio p = desk.portfolio();
                notional =
                        notional.plus(p.valueInBase(p.instrument(f.instrument()).notional(f.price(), f.quantity())));
            }
        });
    }

    /** the order last initialized: a submission that follows it is shared with the desk's other processes */
    private io.eventdesk.domain.event.OrderInitialized initialized;

    /** the other processes whose daily PnL this desk cannot value (engine thread writes, health reads) */
    private volatile List<String> uncounted = List.of();

    /** fills and their notional in the base currency since the session started (engine thread only) */
    private long fills;

    private io.eventdesk.domain.value.Money notional;

    /**
     * Starts the engine thread with the desk of an earlier session recovered: its journaled inputs and market data
     * (the committed prefix of its journal, and the files it read) re-run through this session's desk, which
     * journals them again under their own numbers, with every signal's decision remembered — a signal id it answered
     * is answered again, never traded twice. Then the session takes new inputs.
     *
     * @return how many market data records the earlier session took (the live source goes on after them)
     */
    public long resume(RunHistoryPort earlier, MarketDataFeedPort files) {
        engine.start();
        return call(() -> {
            observe();
            SessionInputs.feed(desk, earlier, files, signal -> ledger.record(signal, take(signal)));
            return desk.marketEvents();
        });
    }

    private void loop() {
        while (!stopping || !inputs.isEmpty()) {
            Runnable next;
            try {
                next = inputs.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            next.run();
            for (int i = 1; i < GROUP && (next = inputs.poll()) != null; i++) {
                next.run();
            }
            if (!answers.isEmpty()) {
                if (failure == null && desk.started() && !journalClosed) {
                    try {
                        desk.flushJournal();
                    } catch (RuntimeException e) {
                        fail(e);
                    }
                }
                for (Runnable answer : answers) {
                    answer.run();
                }
                answers.clear();
            }
            SharedTradingStatePort port = shared;
            if (port != null && desk.started() && failure == null) {
                port.dailyPnl(desk.portfolio().dailyPnl());
            }
        }
    }

    private void refuseWhenFinished() {
        if (stopping) {
            throw new IllegalStateException("the session has finished");
        }
    }

    /** Runs {@code work} on the engine thread and waits for it; a failure there ends the session. */
    private <T> T call(Supplier<T> work) {
        refuseWhenFinished();
        RuntimeException failed = failure;
        if (failed != null) {
            throw new IllegalStateException("the session has stopped: " + failed.getMessage(), failed);
        }
        CompletableFuture<T> answer = new CompletableFuture<>();
        enqueue(() -> {
            if (failure != null) {
                RuntimeException stopped = failure;
                answers.add(() -> answer.completeExceptionally(
                        new IllegalStateException("the session has stopped: " + stopped.getMessage(), stopped)));
                return;
            }
            try {
                T value = work.get();
                answers.add(() -> {
                    if (failure != null) { // the journal could not be made durable: the answer is not given
                        answer.completeExceptionally(
                                new IllegalStateException("the session has stopped: " + failure.getMessage(), failure));
                    } else {
                        answer.complete(value);
                    }
                });
            } catch (IngestSignalUseCase.SignalConflict conflict) {
                answers.add(() -> answer.completeExceptionally(conflict)); // the caller's mistake: the session goes on
            } catch (RuntimeException e) {
                fail(e);
                answers.add(() -> answer.completeExceptionally(e));
            }
        });
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the engine thread", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private void enqueue(Runnable r) {
        try {
            inputs.put(r);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while handing an input to the engine thread", e);
        }
    }

    private void fail(RuntimeException e) {
        if (failure == null) {
            failure = e;
            desk.fail(e);
        }
    }

    /** The time an input is taken at: the session's clock, never before the desk's own time. */
    private Instant stamp() {
        Instant now = clock.now();
        return now.isBefore(desk.now()) ? desk.now() : now;
    }

    /**
     * Hands a piece of market data to the engine thread without waiting for it (a live source's thread); waits only
     * when {@link #QUEUE} pieces are already waiting.
     */
    public void onMarketData(MarketData data) {
        refuseWhenFinished();
        if (failure != null) {
            throw new IllegalStateException("the session has stopped: " + failure.getMessage(), failure);
        }
        enqueue(() -> {
            if (failure != null) {
                return;
            }
            try {
                desk.onLateMarketData(data);
            } catch (RuntimeException e) {
                fail(e);
            }
        });
    }

    /**
     * The market data source switched (a failover and back): journaled as an input, at the session's time.
     */
    public void onFeedSwitch(String from, String to, String reason) {
        call(() -> {
            desk.onFeedSwitched(from, to, reason, stamp());
            return null;
        });
    }

    @Override
    public SignalDecision ingest(ExternalSignal signal) {
        return call(() -> {
            SignalDecision before = ledger.repeatOf(signal);
            if (before != null) {
                return before;
            }
            SignalDecision decision = take(SignalLedger.at(signal, stamp()));
            ledger.record(signal, decision);
            return decision;
        });
    }

    /** Routes a stamped signal, journaled as taken, and reads its decision from what the routing published. */
    private SignalDecision take(ExternalSignal stamped) {
        published.clear();
        capturing = true;
        try {
            desk.onReceivedSignal(stamped);
        } finally {
            capturing = false;
        }
        SignalDecision decision = SignalLedger.decisionIn(stamped, published);
        published.clear();
        if (decision.outcome() == SignalDecision.Outcome.APPROVED) {
            ledger.orderOf(decision, desk.orders().open(io.eventdesk.domain.order.OrderId.parse(decision.orderId())));
        }
        return decision;
    }

    @Override
    public SignalDecision decisionOf(String signalId) {
        return call(() -> ledger.decisionOf(signalId));
    }

    @Override
    public List<SignalDecision> decisionsSince(long sequence, int limit) {
        return call(() -> ledger.since(sequence, limit));
    }

    @Override
    public TradingState tradingState() {
        return call(() -> desk.killSwitch().state());
    }

    @Override
    public TradingState changeTradingState(TradingState to, boolean flatten, String reason) {
        TradingState now = call(() -> {
            desk.onOperatorCommand(OperatorCommanded.Kind.TRADING_STATE, to, flatten, null, reason, stamp());
            return desk.killSwitch().state();
        });
        SharedTradingStatePort port = shared;
        if (port != null) {
            try {
                port.write(to, reason);
            } catch (IllegalStateException e) {
                sharedProblem = e.getMessage(); // this desk changed; the others did not hear of it
            }
        }
        return now;
    }

    @Override
    public DeskSnapshot snapshot() {
        return call(() -> {
            Portfolio p = desk.portfolio();
            return new DeskSnapshot(
                    desk.now(),
                    desk.publisher().last(),
                    desk.durableThrough(),
                    desk.marketEvents(),
                    desk.lastMarketTime(),
                    desk.killSwitch().state(),
                    p.cash(),
                    p.equity(),
                    p.realizedPnl(),
                    p.unrealizedPnl(),
                    p.totalFees(),
                    p.grossExposure(),
                    p.drawdown(),
                    fills,
                    notional,
                    p.positions(),
                    desk.orders().openOrders().stream().map(Order::view).toList());
        });
    }

    @Override
    public io.eventdesk.domain.order.OrderView order(String orderId) {
        return call(() -> ledger.order(orderId));
    }

    @Override
    public boolean cancel(String orderId, String reason) {
        io.eventdesk.domain.order.OrderId id;
        try {
            id = io.eventdesk.domain.order.OrderId.parse(orderId);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return call(() -> desk.onOperatorCommand(OperatorCommanded.Kind.CANCEL, null, false, id, reason, stamp()));
    }

    /**
     * Shares this desk's trading state with the other processes of the desk through {@code port}: the shared state
     * is taken now, every change another process writes is taken as an input (journaled, as an operator's command
     * is), this session's operator changes are written to it, and while it cannot be reached the desk fails closed
     * (ACTIVE becomes REDUCING: no new exposure) until it can.
     *
     * @throws IllegalStateException when the store cannot be reached now
     */
    public void share(SharedTradingStatePort port) {
        takeShared(port.read());
        this.shared = port;
        java.time.Duration lookback = ThrottleWindow.longestInterval(limits);
        port.watch(
                new SharedTradingStatePort.Listener() {
                    @Override
                    public void changed(SharedTradingStatePort.Shared s) {
                        quietly(() -> takeShared(s));
                    }

                    @Override
                    public void peers(
                            List<io.eventdesk.domain.event.PeerActivityReceived.Submission> submissions,
                            List<io.eventdesk.domain.event.PeerActivityReceived.DailyPnl> dailyPnl) {
                        quietly(() -> call(() -> {
                            desk.onPeerActivity(submissions, dailyPnl, stamp());
                            uncounted = desk.uncountedProcesses();
                            return null;
                        }));
                    }

                    @Override
                    public void unavailable(String problem) {
                        sharedProblem = problem;
                        quietly(() -> call(() -> {
                            if (desk.killSwitch().state() == TradingState.ACTIVE) {
                                desk.onOperatorCommand(
                                        OperatorCommanded.Kind.TRADING_STATE,
                                        TradingState.REDUCING,
                                        false,
                                        null,
                                        "the shared trading state is unavailable: no new exposure",
                                        stamp());
                            }
                            return null;
                        }));
                    }

                    @Override
                    public void available(SharedTradingStatePort.Shared s) {
                        sharedProblem = null;
                        quietly(() -> takeShared(s));
                    }
                },
                lookback);
    }

    private static void quietly(Runnable r) {
        try {
            r.run();
        } catch (IllegalStateException finished) {
            // the session ended meanwhile: nothing to take
        }
    }

    private void takeShared(SharedTradingStatePort.Shared s) {
        call(() -> {
            if (desk.killSwitch().state() != s.state()) {
                desk.onOperatorCommand(
                        OperatorCommanded.Kind.TRADING_STATE,
                        s.state(),
                        false,
                        null,
                        "shared: " + s.reason() + (s.origin() == null ? "" : " (from " + s.origin() + ")"),
                        stamp());
            }
            return null;
        });
    }

    /** The shared state's problem (the store cannot be reached), or null when it is fine or not shared. */
    public String sharedProblem() {
        return sharedProblem;
    }

    /**
     * The desk's other processes whose daily PnL is not counted in the daily loss (a currency this desk has no rate
     * for now), each with why; empty when every one counts.
     */
    public List<String> uncountedProcesses() {
        return uncounted;
    }

    /** Where the shared state is, or null when the desk's state is its own. */
    public String sharedStore() {
        SharedTradingStatePort port = shared;
        return port == null ? null : port.describe();
    }

    /** Whether the session has stopped on a failure, and why (null while it runs). */
    public RuntimeException failure() {
        return failure;
    }

    /**
     * Ends the session: the inputs already handed over are taken, then the closing figures, {@code RunFinished} and
     * the journal's receipt.
     */
    public RunSummary finish() {
        RunSummary summary = call(() -> {
            RunSummary r = desk.finish();
            journalClosed = true; // finish made everything durable and closed the journal
            return r;
        });
        stopping = true; // the engine thread takes what is queued, then ends
        enqueue(() -> {});
        try {
            engine.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return summary;
    }
}
