package io.eventdesk.domain.risk;

import io.eventdesk.domain.event.RuleCheck;
import io.eventdesk.domain.instrument.InstrumentId;
import io.eventdesk.domain.order.OrderRequest;
import io.eventdesk.domain.value.Price;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * A limit price may not be farther from the last price than {@code risk.price-band-bps} basis points: the "fat
 * finger" check. Market orders pass (they have no price of their own).
 */
public final class PriceBandRule implements RiskRule {
    private static final BigDecimal BPS = BigDecimal.valueOf(10_000);

    @Override
    public String name() {
        return "price-band";
    }

    @Override
    public String code() {
        return "PRICE_BAND_EXCEEDED";
    }

    @Override
    public Optional<RuleCheck> evaluate(OrderRequest request, RiskContext context, RiskLimits limits) {
        Optional<BigDecimal> configured = limits.priceBandBps();
        if (configured.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal band = configured.get();
        Price limitPrice = request.limitPrice();
        if (limitPrice == null) {
            return Optional.of(pass(() -> "a market order has no limit price to check"));
        }
        InstrumentId id = request.instrument();
        Optional<Price> last = context.portfolio().lastPrice(id);
        if (last.isEmpty()) {
            return Optional.of(fail(() -> "no last price known for " + id + " to check the limit " + limitPrice));
        }
        Price lastPrice = last.get();
        // |limit − last| / last × 10,000 > band  <=>  |limit − last| × 10,000 > band × last, exactly
        BigDecimal distance = limitPrice.minus(lastPrice).abs().toBigDecimal();
        boolean outside = distance.multiply(BPS).compareTo(band.multiply(lastPrice.toBigDecimal())) > 0;
        return Optional.of(
                outside
                        ? fail(() ->
                                describe(limitPrice, lastPrice, distance) + " > band " + band.toPlainString() + " bps")
                        : pass(() -> describe(limitPrice, lastPrice, distance) + " <= band " + band.toPlainString()
                                + " bps"));
    }

    private static String describe(Price limit, Price last, BigDecimal distance) {
        BigDecimal bps = distance.multiply(BPS).divide(last.toBigDecimal(), 2, RoundingMode.HALF_EVEN);
        return "limit " + limit + " is " + bps.stripTrailingZeros().toPlainString() + " bps from the last price "
                + last;
    }
}
