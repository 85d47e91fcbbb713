package io.eventdesk.application.engine;

import io.eventdesk.application.usecase.EngageKillSwitchUseCase;
import io.eventdesk.domain.event.MarginCalled;
import io.eventdesk.domain.event.SignalRaised;
import io.eventdesk.domain.event.TradingStateChanged;
import io.eventdesk.domain.order.OrderRequest;
import io.eventdesk.domain.port.ClockPort;
import io.eventdesk.domain.portfolio.AccountSettings;
import io.eventdesk.domain.portfolio.Portfolio;
import io.eventdesk.domain.portfolio.PositionView;
import io.eventdesk.domain.portfolio.StrategyPnl;
import io.eventdesk.domain.risk.BreachAction;
import io.eventdesk.domain.risk.DailyLossRule;
import io.eventdesk.domain.risk.KillSwitchCommand;
import io.eventdesk.domain.risk.RiskLimits;
import io.eventdesk.domain.signal.Signal;
import io.eventdesk.domain.trading.TradingState;
import io.eventdesk.domain.value.Quantity;
import io.eventdesk.domain.value.Side;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The desk's trading state ACTIVE / REDUCING / HALTED and everything that moves it: operator commands, breaches of
 * the daily loss and drawdown limits (with their configured actions), margin calls, and a new session ending a
 * daily-loss state. HALTED cancels every open order; flattening closes every strategy's positions with market orders
 * the desk sends in the strategy's name. Every transition is journaled with its cause.
 */
final class KillSwitch implements EngageKillSwitchUseCase {
    private final EventPublisher publisher;
    private final ClockPort clock;
    private final Portfolio portfolio;
    private final AccountSettings account;
    private final List<KillSwitchCommand> commands;
    private final BreachAction dailyLossAction;
    private final BigDecimal dailyLossLimit;
    private final BreachAction drawdownAction;
    private final BigDecimal drawdownLimit;
    private final OtherProcesses others;
    private OrderManager orders;

    private TradingState state = TradingState.ACTIVE;
    /** whether the current state came from the daily loss limit, which lasts until the session ends */
    private boolean fromDailyLoss;
    /** whether the account is under a margin call now: reported once per breach */
    private boolean marginCalled;

    private int nextCommand;

    KillSwitch(
            EventPublisher publisher,
            ClockPort clock,
            Portfolio portfolio,
            AccountSettings account,
            RiskLimits limits,
            List<KillSwitchCommand> commands,
            OtherProcesses others) {
        this.others = others;
        this.publisher = publisher;
        this.clock = clock;
        this.portfolio = portfolio;
        this.account = account;
        this.commands = commands;
        this.dailyLossLimit = limits.dailyLossLimit().orElse(null);
        this.dailyLossAction = dailyLossLimit == null ? BreachAction.DENY : limits.onDailyLoss();
        this.drawdownLimit = limits.maxDrawdown().orElse(null);
        this.drawdownAction = drawdownLimit == null ? BreachAction.DENY : limits.onDrawdown();
    }

    /** The orders a halt cancels and a flatten sends through (wired once, after both exist). */
    void connect(OrderManager orders) {
        this.orders = orders;
    }

    TradingState state() {
        return state;
    }

    boolean isHalted() {
        return state == TradingState.HALTED;
    }

    @Override
    public void engage(TradingState to, String cause, boolean flatten) {
        if (to != state) {
            publisher.publish(new TradingStateChanged(publisher.next(), clock.now(), state, to, cause));
            state = to;
        }
        if (to != TradingState.HALTED) {
            return;
        }
        orders.cancelAll("kill switch: " + cause);
        if (flatten) {
            flatten("kill switch: " + cause);
        }
    }

    /** An operator's command, at the time the engine takes it. */
    void command(KillSwitchCommand c) {
        fromDailyLoss = false;
        engage(c.state(), "command: " + c.reason(), c.flatten());
    }

    /** The commands given ahead of time (a backtest's {@code kill-switch} entries) due before {@code time}. */
    KillSwitchCommand nextCommandBefore(Instant time) {
        if (nextCommand < commands.size() && commands.get(nextCommand).at().isBefore(time)) {
            return commands.get(nextCommand++);
        }
        return null;
    }

    /** A new session began: a state the daily loss limit set ends with the session that breached it. */
    void sessionStarted() {
        if (fromDailyLoss) {
            fromDailyLoss = false;
            engage(TradingState.ACTIVE, "a new session began; the daily loss limit is reset", false);
        }
    }

    /** After the portfolio moved: the automatic transitions of breached limits, then a margin call. */
    void check() {
        if (dailyLossAction != BreachAction.DENY && DailyLossRule.breached(others.deskDailyPnl(), dailyLossLimit)) {
            TradingState to = dailyLossAction.state();
            if (to.isStricterThan(state)) {
                fromDailyLoss = true;
                engage(
                        to,
                        "daily loss " + others.deskDailyPnl().negate().amount() + " > limit "
                                + dailyLossLimit.toPlainString() + " (until the session ends)",
                        dailyLossAction == BreachAction.HALT_AND_FLATTEN);
            }
        }
        if (drawdownAction != BreachAction.DENY) {
            BigDecimal drawdown = portfolio.drawdown();
            if (drawdown.compareTo(drawdownLimit) > 0) {
                TradingState to = drawdownAction.state();
                if (to.isStricterThan(state)) {
                    fromDailyLoss = false;
                    engage(
                            to,
                            "drawdown " + drawdown.stripTrailingZeros().toPlainString() + " > limit "
                                    + drawdownLimit.toPlainString(),
                            drawdownAction == BreachAction.HALT_AND_FLATTEN);
                }
            }
        }
        checkMargin();
    }

    /** A margin call is reported when equity falls below maintenance, and answered by liquidation if configured. */
    private void checkMargin() {
        boolean called = portfolio.isMarginCalled();
        if (called && !marginCalled) {
            boolean liquidate = account.liquidateOnMarginCall();
            publisher.publish(new MarginCalled(
                    publisher.next(), clock.now(), portfolio.equity(), portfolio.marginRequirement(true), liquidate));
            if (liquidate) {
                flatten("margin call: equity " + portfolio.equity().amount() + " < maintenance margin "
                        + portfolio.marginRequirement(true).amount());
            }
        }
        marginCalled = called;
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
                long signalSequence = publisher.next();
                publisher.publish(new SignalRaised(signalSequence, now, strategy.strategyId(), flat));
                OrderRequest close = OrderRequest.market(
                        strategy.strategyId(), p.instrument(), Side.ofSign(-held.signum()), held.abs());
                orders.submit(strategy.strategyId(), signalSequence, close, Quantity.ZERO, true);
            }
        }
    }
}
