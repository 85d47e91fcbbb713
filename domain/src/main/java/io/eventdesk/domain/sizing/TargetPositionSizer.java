package io.eventdesk.domain.sizing;

import io.eventdesk.domain.instrument.Instrument;
import io.eventdesk.domain.order.OrderRequest;
import io.eventdesk.domain.signal.Signal;
import io.eventdesk.domain.value.Quantity;
import io.eventdesk.domain.value.Side;
import java.util.Optional;

/**
 * Turns a target-position signal into the order that closes the gap: {@code target − (held + open orders)},
 * rounded toward zero onto the lot grid. Empty when nothing needs to trade.
 */
public final class TargetPositionSizer {

    public Optional<OrderRequest> size(
            String strategyId, Signal signal, Instrument instrument, Quantity held, Quantity pending) {
        return size(strategyId, signal, signal.target(), instrument, held, pending);
    }

    /** The order toward {@code target} (the signal's target, resized), with the signal's order type and limit. */
    public Optional<OrderRequest> size(
            String strategyId, Signal signal, Quantity target, Instrument instrument, Quantity held, Quantity pending) {
        Quantity delta = target.minus(held).minus(pending);
        Quantity size = instrument.roundDownToLot(delta.abs());
        if (size.isZero()) {
            return Optional.empty();
        }
        return Optional.of(
                new OrderRequest(strategyId, signal.instrument(), Side.ofSign(delta.signum()), size, signal.terms()));
    }
}
