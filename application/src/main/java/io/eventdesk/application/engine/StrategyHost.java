package io.eventdesk.application.engine;

import io.eventdesk.domain.error.StrategyFailure;
import io.eventdesk.domain.instrument.InstrumentId;
import io.eventdesk.domain.market.MarketData;
import io.eventdesk.domain.order.OrderId;
import io.eventdesk.domain.order.OrderView;
import io.eventdesk.domain.order.lifecycle.Order;
import io.eventdesk.domain.port.ClockPort;
import io.eventdesk.domain.portfolio.PortfolioView;
import io.eventdesk.domain.signal.Signal;
import io.eventdesk.domain.strategy.Strategy;
import io.eventdesk.domain.strategy.StrategyContext;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the strategies, in their configured order, on each piece of market data. Each sees a read-only context (the
 * clock, the portfolio, its own open orders); its cancel and replace requests are carried out after it returns, then
 * its signals go to the signal router.
 */
final class StrategyHost {
    private final List<Slot> slots = new ArrayList<>();
    private final ClockPort clock;
    private final PortfolioView portfolio;
    private final OrderManager orders;
    private final SignalRouter router;

    StrategyHost(
            Map<String, Strategy> strategies,
            ClockPort clock,
            PortfolioView portfolio,
            OrderManager orders,
            SignalRouter router) {
        this.clock = clock;
        this.portfolio = portfolio;
        this.orders = orders;
        this.router = router;
        strategies.forEach((id, s) -> slots.add(new Slot(id, s)));
    }

    void onMarketData(MarketData data) {
        for (int s = 0; s < slots.size(); s++) {
            Slot slot = slots.get(s);
            List<Signal> signals;
            try {
                signals = slot.strategy.onMarketData(data, slot);
            } catch (RuntimeException | Error e) { // whatever a strategy throws, stack overflow and memory too
                throw failure(slot, data, "threw " + StrategyFailure.describe(e), e);
            }
            if (signals == null) {
                throw failure(slot, data, "returned null instead of a list of signals (List.of() means none)", null);
            }
            slot.carryOutRequests(data);
            for (int i = 0; i < signals.size(); i++) {
                Signal signal = signals.get(i);
                if (signal == null) {
                    throw failure(slot, data, "returned a null signal", null);
                }
                if (!portfolio.hasInstrument(signal.instrument())) {
                    throw failure(
                            slot,
                            data,
                            "raised a signal for " + signal.instrument()
                                    + ", which is not an instrument of the run (instruments: "
                                    + portfolio.instrumentIds() + ")",
                            null);
                }
                router.route(slot.id, signal);
            }
        }
    }

    /** One line: the strategy, the market event it was handling, what it did. */
    private static StrategyFailure failure(Slot slot, MarketData data, String what, Throwable cause) {
        return new StrategyFailure(
                "strategy " + slot.id + " failed on the market data of " + data.instrument() + " at " + data.knownTime()
                        + ": it " + what,
                cause);
    }

    /** A strategy's request about one of its orders: a cancel when {@code quantity} is null, else a replace. */
    private record Change(OrderId order, Quantity quantity, Price limitPrice, Price triggerPrice, String reason) {}

    /** What one strategy sees: read-only, and only its own open orders. */
    private final class Slot implements StrategyContext {
        final String id;
        final Strategy strategy;
        final List<Change> requests = new ArrayList<>();

        Slot(String id, Strategy strategy) {
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
            return orders.pendingQuantity(instrument, id);
        }

        @Override
        public List<OrderView> openOrders() {
            return orders.openOrderViews(id);
        }

        @Override
        public void cancel(OrderId order, String reason) {
            requests.add(new Change(order, null, null, null, reason));
        }

        @Override
        public void replace(
                OrderId order, Quantity newQuantity, Price newLimitPrice, Price newTriggerPrice, String reason) {
            if (newQuantity == null || !newQuantity.isPositive()) {
                throw new StrategyFailure(
                        "strategy " + id + " asked for a replace without a positive quantity, got " + newQuantity);
            }
            requests.add(new Change(order, newQuantity, newLimitPrice, newTriggerPrice, reason));
        }

        void carryOutRequests(MarketData data) {
            if (requests.isEmpty()) {
                return;
            }
            for (Change change : requests) {
                Order order = orders.open(change.order());
                if (order == null || !order.strategyId().equals(id)) {
                    requests.clear();
                    throw failure(
                            this,
                            data,
                            "asked to change " + change.order() + ", which is not one of its open orders",
                            null);
                }
                if (change.quantity() == null) {
                    orders.cancel(order, change.reason());
                } else {
                    orders.replace(
                            order, change.quantity(), change.limitPrice(), change.triggerPrice(), change.reason());
                }
            }
            requests.clear();
        }
    }
}
