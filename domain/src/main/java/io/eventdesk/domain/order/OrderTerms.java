package io.eventdesk.domain.order;

import io.eventdesk.domain.value.Price;
import java.time.Instant;

/**
 * How an order is to be executed, apart from its size and side: type, prices, time in force and flags. Validated
 * here once, for signals and order requests alike.
 *
 * @param limitPrice present exactly for LIMIT and STOP_LIMIT
 * @param triggerPrice present exactly for STOP and STOP_LIMIT
 * @param expireTime present exactly for GTD
 * @param reduceOnly the order may only reduce the position; the venue rejects or trims it otherwise
 * @param postOnly the order must rest as a maker; the venue rejects it if it would cross on arrival (LIMIT only)
 */
public record OrderTerms(
        OrderType type,
        Price limitPrice,
        Price triggerPrice,
        TimeInForce timeInForce,
        Instant expireTime,
        boolean reduceOnly,
        boolean postOnly) {

    private static final OrderTerms MARKET =
            new OrderTerms(OrderType.MARKET, null, null, TimeInForce.GTC, null, false, false);

    public OrderTerms {
        if (type == null) {
            throw new IllegalArgumentException("an order needs a type");
        }
        timeInForce = timeInForce == null ? TimeInForce.GTC : timeInForce;
        if (type.hasLimit() && (limitPrice == null || !limitPrice.isPositive())) {
            throw new IllegalArgumentException("a " + type + " order needs a positive limit price, got " + limitPrice);
        }
        if (!type.hasLimit() && limitPrice != null) {
            throw new IllegalArgumentException("a " + type + " order has no limit price, got " + limitPrice);
        }
        if (type.hasTrigger() && (triggerPrice == null || !triggerPrice.isPositive())) {
            throw new IllegalArgumentException(
                    "a " + type + " order needs a positive trigger price, got " + triggerPrice);
        }
        if (!type.hasTrigger() && triggerPrice != null) {
            throw new IllegalArgumentException("a " + type + " order has no trigger price, got " + triggerPrice);
        }
        if ((timeInForce == TimeInForce.GTD) != (expireTime != null)) {
            throw new IllegalArgumentException("an expire time goes with GTD and only with GTD (time in force "
                    + timeInForce + ", expire time " + expireTime + ")");
        }
        if (type.hasTrigger() && (timeInForce == TimeInForce.IOC || timeInForce == TimeInForce.FOK)) {
            throw new IllegalArgumentException(
                    timeInForce + " applies to MARKET and LIMIT orders; a " + type + " order waits for its trigger");
        }
        if (postOnly && type != OrderType.LIMIT) {
            throw new IllegalArgumentException("post-only applies to LIMIT orders, not " + type);
        }
        if (postOnly && (timeInForce == TimeInForce.IOC || timeInForce == TimeInForce.FOK)) {
            throw new IllegalArgumentException("a post-only order rests; it cannot be " + timeInForce);
        }
    }

    public static OrderTerms market() {
        return MARKET;
    }

    public static OrderTerms limit(Price limit) {
        return new OrderTerms(OrderType.LIMIT, limit, null, TimeInForce.GTC, null, false, false);
    }

    public static OrderTerms stop(Price trigger) {
        return new OrderTerms(OrderType.STOP, null, trigger, TimeInForce.GTC, null, false, false);
    }

    public static OrderTerms stopLimit(Price trigger, Price limit) {
        return new OrderTerms(OrderType.STOP_LIMIT, limit, trigger, TimeInForce.GTC, null, false, false);
    }

    /** The same terms with another time in force (not GTD: use {@link #goodTill}). */
    public OrderTerms with(TimeInForce tif) {
        return new OrderTerms(type, limitPrice, triggerPrice, tif, null, reduceOnly, postOnly);
    }

    /** The same terms, good till {@code expiry}. */
    public OrderTerms goodTill(Instant expiry) {
        return new OrderTerms(type, limitPrice, triggerPrice, TimeInForce.GTD, expiry, reduceOnly, postOnly);
    }

    public OrderTerms asReduceOnly() {
        return new OrderTerms(type, limitPrice, triggerPrice, timeInForce, expireTime, true, postOnly);
    }

    public OrderTerms asPostOnly() {
        return new OrderTerms(type, limitPrice, triggerPrice, timeInForce, expireTime, reduceOnly, true);
    }

    /** The same terms with new prices (a replace); a price the type does not use must be null. */
    public OrderTerms withPrices(Price limit, Price trigger) {
        return new OrderTerms(type, limit, trigger, timeInForce, expireTime, reduceOnly, postOnly);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(type.name());
        if (triggerPrice != null) {
            s.append(" trigger ").append(triggerPrice);
        }
        if (limitPrice != null) {
            s.append(" limit ").append(limitPrice);
        }
        s.append(' ').append(timeInForce);
        if (expireTime != null) {
            s.append(' ').append(expireTime);
        }
        if (reduceOnly) {
            s.append(" reduce-only");
        }
        if (postOnly) {
            s.append(" post-only");
        }
        return s.toString();
    }
}
