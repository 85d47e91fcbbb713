package io.eventdesk.domain.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventdesk.domain.event.OrderInitialized;
import io.eventdesk.domain.instrument.Instrument;
import io.eventdesk.domain.order.OrderId;
import io.eventdesk.domain.order.OrderRequest;
import io.eventdesk.domain.order.TimeInForce;
import io.eventdesk.domain.order.lifecycle.OpenOrders;
import io.eventdesk.domain.portfolio.Portfolio;
import io.eventdesk.domain.risk.FeeEstimator;
import io.eventdesk.domain.risk.RiskContext;
import io.eventdesk.domain.risk.RiskDecision;
import io.eventdesk.domain.risk.RiskEngine;
import io.eventdesk.domain.risk.RiskLimits;
import io.eventdesk.domain.testing.Instruments;
import io.eventdesk.domain.trading.TradingState;
import io.eventdesk.domain.value.Money;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import io.eventdesk.domain.value.Side;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The risk gate used from outside eventdesk's packages, as an embedder does: limits from the public builder, the
 * context from a portfolio and the open orders (no pending quantity or reserved cash computed by hand), a decision
 * with the rule and its numbers.
 */
class RiskGateEmbeddingTest {
    private final Instrument aapl = Instruments.equity("AAPL");
    private final Portfolio portfolio = new Portfolio(Money.of("USD", "10000"), List.of(aapl));
    private final OpenOrders open = new OpenOrders();
    private final FeeEstimator oneDollar = (instrument, quantity, price) -> Money.of("USD", "1");

    private RiskContext contextFor(OrderRequest request) {
        portfolio.mark(aapl.id(), Price.of("100"));
        open.apply(new OrderInitialized(
                1,
                Instant.parse("2024-01-02T00:00:00Z"),
                OrderId.parse("O-1"),
                OrderRequest.limit("s", aapl.id(), Side.BUY, Quantity.of(20), Price.of("99"), TimeInForce.GTC)));
        return RiskContext.of(portfolio, open, request, oneDollar, TradingState.ACTIVE);
    }

    @Test
    void shouldCountTheOpenOrders_whenTheContextIsBuiltFromThePortfolio() {
        RiskContext context = contextFor(OrderRequest.market("s", aapl.id(), Side.BUY, Quantity.of(30)));
        assertThat(context.referencePrice()).isEqualTo(Price.of("100")); // the last price: a market order
        assertThat(context.pendingQuantity()).isEqualTo(Quantity.of(20));
        assertThat(context.reservedCash()).isEqualTo(Money.of("USD", "1981")); // 20 × 99 + the fee
        assertThat(context.estimatedFee()).isEqualTo(Money.of("USD", "1"));
    }

    @Test
    void shouldDenyWithTheRuleAndItsNumbers_whenAPublicBuildersLimitIsBroken() {
        OrderRequest request = OrderRequest.market("s", aapl.id(), Side.BUY, Quantity.of(30));
        RiskLimits limits =
                RiskLimits.builder().putMaxPosition(aapl.id(), Quantity.of(40)).build();
        RiskDecision decision = RiskEngine.standard(limits).check(request, contextFor(request));
        assertThat(decision.approved()).isFalse();
        assertThat(decision.firstFailure().orElseThrow().code()).isEqualTo("MAX_POSITION_EXCEEDED");
        assertThat(decision.firstFailure().orElseThrow().detail())
                .contains("50")
                .contains("40");
    }
}
