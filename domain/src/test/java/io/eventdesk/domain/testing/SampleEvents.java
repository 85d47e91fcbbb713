package io.eventdesk.domain.testing;

import io.eventdesk.domain.event.BarClosed;
import io.eventdesk.domain.event.Event;
import io.eventdesk.domain.event.OrderAccepted;
import io.eventdesk.domain.event.OrderDenied;
import io.eventdesk.domain.event.OrderFilled;
import io.eventdesk.domain.event.OrderInitialized;
import io.eventdesk.domain.event.OrderSubmitted;
import io.eventdesk.domain.event.PortfolioValued;
import io.eventdesk.domain.event.RiskEvaluated;
import io.eventdesk.domain.event.RuleCheck;
import io.eventdesk.domain.event.RunFinished;
import io.eventdesk.domain.event.RunStarted;
import io.eventdesk.domain.event.SignalRaised;
import io.eventdesk.domain.event.SignalSkipped;
import io.eventdesk.domain.instrument.InstrumentId;
import io.eventdesk.domain.order.Liquidity;
import io.eventdesk.domain.order.OrderId;
import io.eventdesk.domain.order.OrderRequest;
import io.eventdesk.domain.signal.Signal;
import io.eventdesk.domain.value.Money;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import io.eventdesk.domain.value.Side;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A small, realistic run's worth of events of every family, in sequence order. */
public final class SampleEvents {
    private SampleEvents() {}

    public static List<Event> run(int bars) {
        List<Event> events = new ArrayList<>();
        InstrumentId id = InstrumentId.of("AAPL");
        Money cash = Money.of("USD", "10000");
        long seq = 0;
        events.add(new RunStarted(++seq, Bars.T0, "sample", 42, cash));
        for (int i = 0; i < bars; i++) {
            var bar = Bars.aBar()
                    .of(id)
                    .atMinute(i)
                    .ohlc("100." + i % 10, "101", "99", "100")
                    .build();
            events.add(new BarClosed(++seq, bar));
            Instant t = bar.closeTime();
            if (i % 7 == 3) {
                Signal s = Signal.target("enter-long", id, Quantity.of(10), "test signal " + i, Map.of("i", "" + i));
                long sigSeq = ++seq;
                events.add(new SignalRaised(sigSeq, t, "sample", s));
                OrderId oid = new OrderId(i + 1);
                events.add(new OrderInitialized(
                        ++seq, t, oid, OrderRequest.market("sample", id, Side.BUY, Quantity.of(10))));
                boolean ok = i % 2 == 1;
                List<RuleCheck> checks = List.of(
                        RuleCheck.pass(
                                "max-order-quantity",
                                "MAX_ORDER_QUANTITY_EXCEEDED",
                                "AAPL order quantity 10 <= limit 10"),
                        ok
                                ? RuleCheck.pass("cash-sufficiency", "INSUFFICIENT_CASH", "fits")
                                : RuleCheck.fail("cash-sufficiency", "INSUFFICIENT_CASH", "does not fit"));
                events.add(new RiskEvaluated(++seq, t, oid, "sample", sigSeq, id, ok, checks));
                if (ok) {
                    events.add(new OrderSubmitted(++seq, t, oid, t));
                    events.add(new OrderAccepted(++seq, t, oid));
                    events.add(new OrderFilled(
                            ++seq,
                            t,
                            oid,
                            "F-" + i,
                            "sample",
                            id,
                            Side.BUY,
                            Quantity.of(10),
                            Price.of("100.25"),
                            Price.of("0.01"),
                            Money.of("USD", "0.5"),
                            Liquidity.TAKER));
                } else {
                    events.add(new OrderDenied(++seq, t, oid, "INSUFFICIENT_CASH", "cash-sufficiency", "does not fit"));
                }
            } else if (i % 7 == 5) {
                long sigSeq = ++seq;
                events.add(new SignalRaised(
                        sigSeq, t, "sample", Signal.target("exit-flat", id, Quantity.ZERO, "flat " + i, Map.of())));
                events.add(new SignalSkipped(++seq, t, "sample", sigSeq, id, "already flat"));
            }
            events.add(new PortfolioValued(
                    ++seq,
                    t,
                    cash.currency(),
                    cash.units(),
                    cash.units(),
                    0,
                    0,
                    0,
                    0,
                    0,
                    cash.units() + 125_000_000L * (i % 3)));
        }
        events.add(new RunFinished(++seq, Bars.aBar().atMinute(bars).build().openTime(), bars));
        return events;
    }
}
