package io.eventdesk.domain.strategy;

import io.eventdesk.domain.instrument.InstrumentId;
import io.eventdesk.domain.portfolio.PortfolioView;
import io.eventdesk.domain.value.Quantity;
import java.time.Instant;

/** What a strategy may see: the clock, the portfolio (read-only) and its own open orders. */
public interface StrategyContext {
    String strategyId();

    /** The simulated time of the decision. */
    Instant now();

    PortfolioView portfolio();

    /** The signed quantity of this strategy's open orders in an instrument that has not filled yet. */
    Quantity pendingQuantity(InstrumentId instrument);

    /** The position plus {@link #pendingQuantity}: where the position goes if everything open fills. */
    default Quantity committedPosition(InstrumentId instrument) {
        return portfolio().position(instrument).plus(pendingQuantity(instrument));
    }
}
