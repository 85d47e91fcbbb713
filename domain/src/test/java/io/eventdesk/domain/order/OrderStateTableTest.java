package io.eventdesk.domain.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventdesk.domain.instrument.InstrumentId;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import io.eventdesk.domain.value.Side;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OrderStateTableTest {
    private static final Instant T = Instant.parse("2024-01-02T00:00:00Z");
    private static long ids;

    static Order newOrder(String quantity) {
        return new Order(
                new OrderId(++ids),
                OrderRequest.limit(
                        "s", InstrumentId.of("AAPL"), Side.BUY, Quantity.of(quantity), Price.of("10"), TimeInForce.GTC),
                T);
    }

    /** Drives a fresh order of quantity 10 into {@code status} through legal edges only. */
    static Order orderIn(OrderStatus status) {
        Order o = newOrder("10");
        switch (status) {
            case INITIALIZED -> {}
            case DENIED -> o.deny("TEST");
            case SUBMITTED -> o.apply(OrderAction.SUBMIT);
            case ACCEPTED -> accepted(o);
            case REJECTED -> {
                o.apply(OrderAction.SUBMIT);
                o.apply(OrderAction.REJECT);
            }
            case PARTIALLY_FILLED -> {
                accepted(o);
                o.fill("seed-fill", Quantity.of(4), Price.of("10"));
            }
            case FILLED -> {
                accepted(o);
                o.fill("seed-fill", Quantity.of(10), Price.of("10"));
            }
            case PENDING_CANCEL -> {
                accepted(o);
                o.apply(OrderAction.PENDING_CANCEL);
            }
            case PENDING_REPLACE -> {
                accepted(o);
                o.apply(OrderAction.PENDING_REPLACE);
            }
            case CANCELED -> {
                accepted(o);
                o.apply(OrderAction.CANCEL);
            }
            case EXPIRED -> {
                accepted(o);
                o.apply(OrderAction.EXPIRE);
            }
        }
        assertThat(o.status()).isEqualTo(status);
        return o;
    }

    private static void accepted(Order o) {
        o.apply(OrderAction.SUBMIT);
        o.apply(OrderAction.ACCEPT);
    }

    private static void act(Order o, OrderAction action, String fillQuantity) {
        switch (action) {
            case FILL -> o.fill("F-test", Quantity.of(fillQuantity), Price.of("10"));
            case DENY -> o.deny("TEST");
            default -> o.apply(action);
        }
    }

    static Stream<Arguments> everyPair() {
        List<Arguments> pairs = new ArrayList<>();
        for (OrderStatus s : OrderStatus.values()) {
            for (OrderAction a : OrderAction.values()) {
                pairs.add(Arguments.of(s, a));
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} + {1}")
    @MethodSource("everyPair")
    void shouldFollowTheTableOrRefuse_whenAnyEventMeetsAnyStatus(OrderStatus status, OrderAction action) {
        Order order = orderIn(status);
        var edge = OrderStateTable.edge(status, action);
        if (edge.isEmpty()) {
            assertThatThrownBy(() -> act(order, action, "1"))
                    .isInstanceOf(IllegalOrderTransition.class)
                    .hasMessageContaining(status.name())
                    .hasMessageContaining(action.name());
            assertThat(order.status()).isEqualTo(status);
            return;
        }
        act(order, action, "1");
        OrderStatus expected = switch (edge.get().target()) {
            case STATUS -> edge.get().to();
            case BY_FILLED_QUANTITY -> OrderStatus.PARTIALLY_FILLED; // 1 of 10 (or 5 of 10) leaves some
            case PREVIOUS_STATUS -> OrderStatus.ACCEPTED; // orderIn went pending from ACCEPTED
        };
        assertThat(order.status()).isEqualTo(expected);
    }

    @Test
    void shouldListEveryEdgeOnceWithAReason_whenTheTableIsRead() {
        Map<OrderStatus, List<OrderAction>> seen = new EnumMap<>(OrderStatus.class);
        for (var e : OrderStateTable.edges()) {
            assertThat(e.why()).isNotBlank();
            assertThat(seen.computeIfAbsent(e.from(), k -> new ArrayList<>())).doesNotContain(e.action());
            seen.get(e.from()).add(e.action());
        }
        for (OrderStatus closed : List.of(
                OrderStatus.DENIED,
                OrderStatus.REJECTED,
                OrderStatus.CANCELED,
                OrderStatus.EXPIRED,
                OrderStatus.FILLED)) {
            assertThat(closed.isClosed()).isTrue();
            assertThat(seen).doesNotContainKey(closed);
        }
    }

    @Nested
    class Fills {
        @Test
        void shouldBecomeFilled_whenTheLastUnitFills() {
            Order o = orderIn(OrderStatus.PARTIALLY_FILLED);
            o.fill("F-2", Quantity.of(6), Price.of("11"));
            assertThat(o.status()).isEqualTo(OrderStatus.FILLED);
            assertThat(o.filledQuantity()).isEqualTo(Quantity.of(10));
            assertThat(o.averageFillPrice()).isEqualByComparingTo("10.6");
        }

        @Test
        void shouldRefuseTheFill_whenItsIdWasSeenBefore() {
            Order o = orderIn(OrderStatus.PARTIALLY_FILLED);
            assertThatThrownBy(() -> o.fill("seed-fill", Quantity.of(1), Price.of("10")))
                    .hasMessageContaining("duplicate fill id seed-fill");
            assertThat(o.filledQuantity()).isEqualTo(Quantity.of(4));
        }

        @Test
        void shouldRefuseTheFill_whenItExceedsTheQuantityLeft() {
            Order o = orderIn(OrderStatus.PARTIALLY_FILLED);
            assertThatThrownBy(() -> o.fill("F-9", Quantity.of(7), Price.of("10")))
                    .hasMessageContaining("overfill");
            assertThat(o.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        }

        @Test
        void shouldReturnToPartiallyFilled_whenAPendingCancelIsRejected() {
            Order o = orderIn(OrderStatus.PARTIALLY_FILLED);
            o.apply(OrderAction.PENDING_CANCEL);
            o.apply(OrderAction.CANCEL_REJECT);
            assertThat(o.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        }
    }
}
