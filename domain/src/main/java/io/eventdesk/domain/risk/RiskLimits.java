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

    /** The largest gross exposure / equity. */
    Optional<BigDecimal> maxLeverage();

    /** The drawdown from peak equity (a fraction) beyond which orders that add exposure are denied. */
    Optional<BigDecimal> maxDrawdown();

    @Value.Check
    default void check() {
        maxOrderQuantity().ifPresent(q -> positive("max-order-quantity", q.toBigDecimal()));
        maxPosition().forEach((id, q) -> {
            if (q.isNegative()) {
                throw new IllegalArgumentException("max-position of " + id + " must not be negative, got " + q);
            }
        });
        maxLeverage().ifPresent(l -> positive("max-leverage", l));
        maxDrawdown().ifPresent(d -> {
            if (d.signum() <= 0 || d.compareTo(BigDecimal.ONE) > 0) {
                throw new IllegalArgumentException("max-drawdown must be a fraction in (0, 1], got " + d);
            }
        });
    }

    private static void positive(String name, BigDecimal value) {
        if (value.signum() <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + value.toPlainString());
        }
    }

    static ImmutableRiskLimits.Builder builder() {
        return ImmutableRiskLimits.builder();
    }

    static RiskLimits none() {
        return builder().build();
    }
}
