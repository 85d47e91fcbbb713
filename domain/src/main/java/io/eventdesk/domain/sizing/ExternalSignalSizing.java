package io.eventdesk.domain.sizing;

import io.eventdesk.domain.instrument.Instrument;
import io.eventdesk.domain.order.OrderRequest;
import io.eventdesk.domain.order.OrderTerms;
import io.eventdesk.domain.order.OrderType;
import io.eventdesk.domain.signal.ExternalSignal;
import io.eventdesk.domain.value.Money;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import io.eventdesk.domain.value.Side;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/** How a signal from outside becomes a target position and an order within its own constraints. */
public final class ExternalSignalSizing {
    private ExternalSignalSizing() {}

    /**
     * The target position the signal asks for: flat, its quantity in its side's direction, or its target exposure
     * of equity at the last price (toward zero onto the lot grid). The target is null, with the reason, when an
     * exposure cannot be sized because no price is known yet.
     */
    public static Sizing.Result target(ExternalSignal s, Instrument instrument, Money equity, Optional<Price> last) {
        if (s.side() == ExternalSignal.Direction.FLAT) {
            return new Sizing.Result(Quantity.ZERO, "flat");
        }
        if (s.quantity() != null) {
            Quantity target = s.side() == ExternalSignal.Direction.BUY
                    ? s.quantity()
                    : s.quantity().negate();
            return new Sizing.Result(target, "quantity " + s.quantity());
        }
        BigDecimal exposure = s.targetExposure();
        if (exposure.signum() == 0) {
            return new Sizing.Result(Quantity.ZERO, "target exposure 0");
        }
        if (last.isEmpty()) {
            return new Sizing.Result(null, "no price known for " + instrument.id() + " yet to size a target exposure");
        }
        Quantity direction = Quantity.of(exposure.signum());
        Sizing.Result r = new Sizing.TargetExposure(exposure.abs())
                .size(direction, instrument, equity, last.get(), Optional.empty());
        return new Sizing.Result(r.target(), "target " + r.how());
    }

    /**
     * Under a slippage cap, a market order becomes a limit order that far from the last price, and a stop order a
     * stop-limit that far from its trigger, rounded to the tick inside the cap. Any other order is returned as it
     * is.
     */
    public static OrderRequest capSlippage(OrderRequest order, Instrument instrument, Price last, BigDecimal maxBps) {
        boolean market = order.type() == OrderType.MARKET;
        if (maxBps == null || !market && order.type() != OrderType.STOP || market && last == null) {
            return order;
        }
        Price from = market ? last : order.triggerPrice();
        boolean buy = order.side() == Side.BUY;
        BigDecimal factor = BigDecimal.ONE.add(maxBps.movePointLeft(4).multiply(BigDecimal.valueOf(buy ? 1 : -1)));
        Price cap = instrument.roundToTick(
                Price.of(from.toBigDecimal().multiply(factor)), buy ? RoundingMode.FLOOR : RoundingMode.CEILING);
        OrderTerms terms = new OrderTerms(
                market ? OrderType.LIMIT : OrderType.STOP_LIMIT,
                cap,
                order.triggerPrice(),
                order.timeInForce(),
                order.expireTime(),
                order.reduceOnly(),
                false);
        return new OrderRequest(order.strategyId(), order.instrument(), order.side(), order.quantity(), terms);
    }

    /**
     * The order cut down to {@code maxNotional} at {@code reference}, onto the lot grid; empty when not even one lot
     * fits. Without a cap (or a price), the order as it is.
     */
    public static Optional<OrderRequest> capNotional(
            OrderRequest order, Instrument instrument, Price reference, BigDecimal maxNotional) {
        if (maxNotional == null || reference == null) {
            return Optional.of(order);
        }
        BigDecimal perUnit =
                reference.toBigDecimal().multiply(instrument.multiplier().toBigDecimal());
        Quantity cap = instrument.roundDownToLot(
                Quantity.of(maxNotional.divide(perUnit, instrument.quantityScale() + 4, RoundingMode.DOWN)));
        if (cap.isZero()) {
            return Optional.empty();
        }
        return Optional.of(
                order.quantity().compareTo(cap) > 0 ? order.withQuantityAndLimit(cap, order.limitPrice()) : order);
    }
}
