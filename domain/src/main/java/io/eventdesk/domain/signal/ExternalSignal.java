package io.eventdesk.domain.signal;

import io.eventdesk.domain.instrument.InstrumentId;
import io.eventdesk.domain.order.OrderTerms;
import io.eventdesk.domain.order.OrderType;
import io.eventdesk.domain.order.TimeInForce;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A signal produced outside the desk (a research tool, a model), taking effect at {@code time} like a decision made
 * then. Exactly one of {@code targetExposure} (a signed fraction of equity) and {@code quantity} (the size of the
 * target position in the direction of {@code side}) is given, unless the side is FLAT.
 *
 * @param source where it came from, for messages (e.g. {@code signals.jsonl:12})
 * @param maxSlippageBps when set, a market order becomes a limit order this far from the last price
 * @param maxNotional when set, the order is cut down to this notional
 * @param order how the order is to be executed (a market order when null)
 */
public record ExternalSignal(
        String signalId,
        Instant time,
        String strategyId,
        InstrumentId instrument,
        Direction side,
        BigDecimal confidence,
        BigDecimal targetExposure,
        Quantity quantity,
        String timeHorizon,
        BigDecimal maxSlippageBps,
        BigDecimal maxNotional,
        OrderTerms order,
        String source) {

    /** BUY, SELL or FLAT. */
    public enum Direction {
        BUY,
        SELL,
        FLAT
    }

    public ExternalSignal {
        if (signalId == null
                || signalId.isBlank()
                || time == null
                || strategyId == null
                || instrument == null
                || side == null) {
            throw new IllegalArgumentException("a signal needs signal_id, time, strategy_id, instrument and side");
        }
        if (side != Direction.FLAT && (targetExposure == null) == (quantity == null)) {
            throw new IllegalArgumentException("give exactly one of target_exposure and quantity");
        }
        if (quantity != null && !quantity.isPositive()) {
            throw new IllegalArgumentException(
                    "quantity must be positive (the side gives the direction), got " + quantity);
        }
        if (targetExposure != null
                && side != Direction.FLAT
                && targetExposure.signum() != (side == Direction.BUY ? 1 : -1)
                && targetExposure.signum() != 0) {
            throw new IllegalArgumentException(
                    "target_exposure " + targetExposure.toPlainString() + " points the other way than side " + side);
        }
        if (confidence != null && (confidence.signum() < 0 || confidence.compareTo(BigDecimal.ONE) > 0)) {
            throw new IllegalArgumentException("confidence must be within 0..1, got " + confidence.toPlainString());
        }
        order = order == null ? OrderTerms.market() : order;
    }

    public OrderType orderType() {
        return order.type();
    }

    public Price limitPrice() {
        return order.limitPrice();
    }

    public TimeInForce timeInForce() {
        return order.timeInForce();
    }
}
