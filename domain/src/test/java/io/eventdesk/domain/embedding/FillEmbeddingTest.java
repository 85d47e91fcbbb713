package io.eventdesk.domain.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventdesk.domain.event.OrderAccepted;
import io.eventdesk.domain.event.OrderFilled;
import io.eventdesk.domain.event.OrderInitialized;
import io.eventdesk.domain.event.OrderSubmitted;
import io.eventdesk.domain.instrument.Instrument;
import io.eventdesk.domain.order.OrderId;
import io.eventdesk.domain.order.OrderRequest;
import io.eventdesk.domain.order.OrderStatus;
import io.eventdesk.domain.order.lifecycle.Fill;
import io.eventdesk.domain.order.lifecycle.OpenOrders;
import io.eventdesk.domain.order.lifecycle.Order;
import io.eventdesk.domain.portfolio.Portfolio;
import io.eventdesk.domain.testing.Instruments;
import io.eventdesk.domain.value.Money;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import io.eventdesk.domain.value.Side;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A venue's fill given once, as an embedder does: the order and the portfolio change together, or neither does. */
class FillEmbeddingTest {
    private static final Instant T = Instant.parse("2024-01-02T14:30:00Z");
    private final Instrument aapl = Instruments.equity("AAPL");
    private final Portfolio portfolio = new Portfolio(Money.of("USD", "10000"), List.of(aapl));
    private final OpenOrders open = new OpenOrders();
    private final OrderId id = OrderId.parse("O-1");

    private Order acceptedBuyOf(long quantity) {
        Order order = open.apply(new OrderInitialized(
                1, T, id, OrderRequest.market("desk", aapl.id(), Side.BUY, Quantity.of(quantity))));
        open.apply(new OrderSubmitted(2, T, id, T));
        open.apply(new OrderAccepted(3, T, id));
        return order;
    }

    @Test
    void shouldUpdateTheOrderAndThePortfolio_whenOneFillIsApplied() {
        Order order = acceptedBuyOf(10);
        OrderFilled event = Fill.taker("F-1", T, Quantity.of(4), Price.of("100"), Money.of("USD", "1"))
                .applyTo(order, portfolio, 4);
        assertThat(order.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(order.leavesQuantity()).isEqualTo(Quantity.of(6));
        assertThat(portfolio.position(aapl.id())).isEqualTo(Quantity.of(4));
        assertThat(portfolio.cash()).isEqualTo(Money.of("USD", "9599")); // 10,000 − 400 − 1
        assertThat(event.strategyId()).isEqualTo("desk");
        assertThat(event.side()).isEqualTo(Side.BUY);
        assertThat(event.sequence()).isEqualTo(4);
    }

    @Test
    void shouldForgetTheOrder_whenTheFillThroughOpenOrdersCompletesIt() {
        acceptedBuyOf(10);
        Fill.maker("F-1", T, Quantity.of(10), Price.of("99"), Money.of("USD", "0"))
                .applyTo(open, id, portfolio, 4);
        assertThat(open.get(id)).isNull();
        assertThat(portfolio.position(aapl.id())).isEqualTo(Quantity.of(10));
    }

    @Test
    void shouldLeaveThePortfolioUnchanged_whenTheFillIsADuplicateOrAnOverfill() {
        Order order = acceptedBuyOf(10);
        Fill.taker("F-1", T, Quantity.of(4), Price.of("100"), Money.of("USD", "0"))
                .applyTo(order, portfolio, 4);
        Money cash = portfolio.cash();
        assertThatThrownBy(() -> Fill.taker("F-1", T, Quantity.of(1), Price.of("100"), Money.of("USD", "0"))
                        .applyTo(order, portfolio, 5))
                .hasMessageContaining("F-1");
        assertThatThrownBy(() -> Fill.taker("F-2", T, Quantity.of(7), Price.of("100"), Money.of("USD", "0"))
                        .applyTo(order, portfolio, 6))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(portfolio.cash()).isEqualTo(cash);
        assertThat(portfolio.position(aapl.id())).isEqualTo(Quantity.of(4));
    }
}
