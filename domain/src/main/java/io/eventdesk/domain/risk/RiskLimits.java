package io.eventdesk.domain.risk;

import io.eventdesk.domain.DomainStyle;
import io.eventdesk.domain.instrument.InstrumentId;
import io.eventdesk.domain.value.Quantity;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/** The limits the risk engine enforces. An absent limit is not checked; cash sufficiency always is. */
@Value.Immutable
@DomainStyle
public interface RiskLimits {
    /** The largest quantity one order may have. */
    Optional<Quantity> maxOrderQuantity();

    /** The largest absolute position per instrument. */
    Map<InstrumentId, Quantity> maxPosition();

    /** The largest absolute position in an instrument not listed in {@link #maxPosition()}. */
    Optional<Quantity> defaultMaxPosition();

    /** The position limit that applies to an instrument, if any. */
    default Optional<Quantity> maxPositionOf(InstrumentId instrument) {
        Quantity own = maxPosition().get(instrument);
        return own != null ? Optional.of(own) : defaultMaxPosition();
    }

    /** The largest leverage: gross exposure / equity after the order. */
    Optional<BigDecimal> maxLeverage();

    /** The drawdown from peak equity (a fraction) beyond which orders that add exposure are denied. */
    Optional<BigDecimal> maxDrawdown();

    /** The largest notional of one order, in the account currency. */
    Optional<BigDecimal> maxOrderNotional();

    /** The largest absolute net exposure, as a fraction of equity. */
    Optional<BigDecimal> maxNetExposure();

    /** The largest share of gross exposure one instrument may hold (a fraction). */
    Optional<BigDecimal> maxConcentration();

    /**
     * The loss since the session start (realized + unrealized, in the account currency; sessions as the account's
     * calendar says) beyond which only orders that reduce a position toward zero pass.
     */
    Optional<BigDecimal> dailyLossLimit();

    /** How far (basis points) a limit price may be from the last price. */
    Optional<BigDecimal> priceBandBps();

    /** How many orders one strategy may send per interval. */
    Optional<Throttle> throttle();

    /** Limits that apply to one strategy's orders instead of the ones above, by strategy id. */
    Map<String, RiskLimits> strategies();

    /** Limits that apply to orders in one instrument instead of the global ones, by instrument. */
    Map<InstrumentId, RiskLimits> instruments();

    /**
     * The limits for an order: the global ones, overridden by the instrument's own where set, overridden by the
     * strategy's own where set.
     */
    default RiskLimits applicableTo(String strategyId, InstrumentId instrument) {
        if (strategies().isEmpty() && instruments().isEmpty()) {
            return this;
        }
        RiskLimits limits = overriddenBy(instruments().get(instrument));
        return limits.overriddenBy(strategies().get(strategyId));
    }

    /** These limits with {@code own}'s wherever {@code own} sets one (no per-strategy or per-instrument sets). */
    private RiskLimits overriddenBy(RiskLimits own) {
        if (own == null) {
            return this;
        }
        ImmutableRiskLimits.Builder b =
                builder().from(this).strategies(Map.of()).instruments(Map.of());
        own.maxOrderQuantity().ifPresent(b::maxOrderQuantity);
        b.putAllMaxPosition(own.maxPosition());
        own.defaultMaxPosition().ifPresent(b::defaultMaxPosition);
        own.maxLeverage().ifPresent(b::maxLeverage);
        own.maxDrawdown().ifPresent(b::maxDrawdown);
        own.maxOrderNotional().ifPresent(b::maxOrderNotional);
        own.maxNetExposure().ifPresent(b::maxNetExposure);
        own.maxConcentration().ifPresent(b::maxConcentration);
        own.dailyLossLimit().ifPresent(b::dailyLossLimit);
        own.priceBandBps().ifPresent(b::priceBandBps);
        own.throttle().ifPresent(b::throttle);
        return b.build();
    }

    /** What a breach of the daily loss limit does beyond denying orders that add exposure. */
    @Value.Default
    default BreachAction onDailyLoss() {
        return BreachAction.DENY;
    }

    /** What a breach of the drawdown limit does beyond denying orders that add exposure. */
    @Value.Default
    default BreachAction onDrawdown() {
        return BreachAction.DENY;
    }

    /** At most {@code orders} orders per strategy in any {@code per} interval. */
    record Throttle(int orders, java.time.Duration per) {
        public Throttle {
            if (orders <= 0 || per == null || per.isNegative() || per.isZero()) {
                throw new IllegalArgumentException(
                        "a throttle needs a positive order count and interval, got " + orders + " per " + per);
            }
        }
    }

    @Value.Check
    default void check() {
        defaultMaxPosition().ifPresent(q -> {
            if (q.isNegative()) {
                throw new IllegalArgumentException("max-position must not be negative, got " + q + " for default");
            }
        });
        maxOrderQuantity().ifPresent(q -> positive("max-order-quantity", q.toBigDecimal()));
        maxPosition().forEach((id, q) -> {
            if (q.isNegative()) {
                throw new IllegalArgumentException("max-position must not be negative, got " + q + " for " + id);
            }
        });
        maxLeverage().ifPresent(l -> positive("max-leverage", l));
        maxOrderNotional().ifPresent(l -> positive("max-order-notional", l));
        maxNetExposure().ifPresent(l -> positive("max-net-exposure", l));
        maxConcentration().ifPresent(l -> {
            if (l.signum() <= 0 || l.compareTo(BigDecimal.ONE) > 0) {
                throw new IllegalArgumentException(
                        "max-concentration is a fraction of gross exposure in (0, 1], got " + l.toPlainString());
            }
        });
        dailyLossLimit().ifPresent(l -> positive("daily-loss-limit", l));
        priceBandBps().ifPresent(l -> positive("price-band-bps", l));
        maxDrawdown().ifPresent(d -> {
            if (d.signum() <= 0 || d.compareTo(BigDecimal.ONE) > 0) {
                throw new IllegalArgumentException(
                        "max-drawdown is a fraction of peak equity in (0, 1], got " + d.toPlainString());
            }
        });
    }

    private static void positive(String name, BigDecimal value) {
        if (value.signum() <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + value.toPlainString());
        }
    }

    /** Limits one at a time: {@code RiskLimits.builder().maxOrderQuantity(Quantity.of(5)).build()}. */
    public static ImmutableRiskLimits.Builder builder() {
        return ImmutableRiskLimits.builder();
    }

    /** No limit at all. */
    public static RiskLimits none() {
        return builder().build();
    }
}
