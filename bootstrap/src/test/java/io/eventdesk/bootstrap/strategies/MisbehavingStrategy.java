package io.eventdesk.bootstrap.strategies;

import io.eventdesk.domain.instrument.InstrumentId;
import io.eventdesk.domain.market.MarketData;
import io.eventdesk.domain.order.OrderId;
import io.eventdesk.domain.signal.Signal;
import io.eventdesk.domain.strategy.Strategy;
import io.eventdesk.domain.strategy.StrategyContext;
import io.eventdesk.domain.strategy.StrategyParameters;
import io.eventdesk.domain.value.Quantity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A user's strategy that goes wrong on its fifth bar, in the way its {@code how} parameter says. */
public final class MisbehavingStrategy implements Strategy {
    private final String how;
    private int bars;

    public MisbehavingStrategy(StrategyParameters params) {
        params.allowOnly("how");
        this.how = params.string("how", "throw");
        if (how.equals("refuse-to-start")) {
            throw new IllegalStateException("cannot start today");
        }
    }

    @Override
    public List<Signal> onMarketData(MarketData data, StrategyContext context) {
        if (++bars < 5) {
            return List.of();
        }
        return switch (how) {
            case "throw" -> throw new IllegalStateException("bug in user strategy");
            case "returns-null" -> null;
            case "null-signal" -> {
                List<Signal> out = new ArrayList<>();
                out.add(null);
                yield out;
            }
            case "recurse" -> List.of(deeper(0));
            case "undeclared" ->
                List.of(Signal.target(
                        "ghost",
                        InstrumentId.of("GHOST"),
                        Quantity.of(1),
                        "an instrument the run does not trade",
                        Map.of()));
            case "foreign-order" -> {
                context.cancel(new OrderId(999), "not mine");
                yield List.of();
            }
            case "error" -> throw new AssertionError("an assertion in user code");
            default -> List.of();
        };
    }

    private static Signal deeper(int depth) {
        return deeper(depth + 1); // forever
    }
}
