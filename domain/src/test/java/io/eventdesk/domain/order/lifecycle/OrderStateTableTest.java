package io.eventdesk.domain.order.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventdesk.domain.event.OrderAccepted;
import io.eventdesk.domain.event.OrderCancelRejected;
import io.eventdesk.domain.event.OrderCanceled;
import io.eventdesk.domain.event.OrderDenied;
import io.eventdesk.domain.event.OrderEvent;
import io.eventdesk.domain.event.OrderExpired;
import io.eventdesk.domain.event.OrderFilled;
import io.eventdesk.domain.event.OrderPendingCancel;
import io.eventdesk.domain.event.OrderPendingReplace;
import io.eventdesk.domain.event.OrderRejected;
import io.eventdesk.domain.event.OrderReplaceRejected;
import io.eventdesk.domain.event.OrderReplaced;
import io.eventdesk.domain.event.OrderSubmitted;
import io.eventdesk.domain.instrument.InstrumentId;
import io.eventdesk.domain.order.Liquidity;
import io.eventdesk.domain.order.OrderId;
import io.eventdesk.domain.order.OrderRequest;
import io.eventdesk.domain.order.OrderStatus;
import io.eventdesk.domain.order.TimeInForce;
import io.eventdesk.domain.value.Currency;
import io.eventdesk.domain.value.Money;
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

    /** The event that stands for {@code action} on {@code o}; a fill of {@code fillQuantity}. */
    static OrderEvent event(Order o, OrderAction action, String fillQuantity) {
        OrderId id = o.id();
        return switch (action) {
            case DENY -> new OrderDenied(1, T, id, "TEST", "test", "denied in a test");
            case SUBMIT -> new OrderSubmitted(1, T, id, T);
            case ACCEPT -> new OrderAccepted(1, T, id);
            case REJECT -> new OrderRejected(1, T, id, "rejected in a test");
            case FILL ->
                new OrderFilled(
                        1,
                        T,
                        id,
                        "F-" + (++ids),
                        o.strategyId(),
                        o.instrument(),
                        o.side(),
                        Quantity.of(fillQuantity),
                        Price.of("10"),
                        Price.of("0"),
                        Money.zero(Currency.of("USD")),
                        Liquidity.MAKER);
            case CANCEL -> new OrderCanceled(1, T, id, "canceled in a test");
            case EXPIRE -> new OrderExpired(1, T, id);
            case PENDING_CANCEL -> new OrderPendingCancel(1, T, id, "test");
            case PENDING_REPLACE -> new OrderPendingReplace(1, T, id, Quantity.of(20), Price.of("9"), null, "test");
            case REPLACE -> new OrderReplaced(1, T, id, Quantity.of(20), Price.of("9"), null);
            case REPLACE_REJECT -> new OrderReplaceRejected(1, T, id, "too late");
            case CANCEL_REJECT -> new OrderCancelRejected(1, T, id, "too late");
        };
    }

    static void act(Order o, OrderAction action, String fillQuantity) {
        o.apply(event(o, action, fillQuantity));
    }

    static void act(Order o, OrderAction action) {
        act(o, action, "4");
    }

    /** Drives a fresh order of quantity 10 into {@code status} through legal edges only. */
    static Order orderIn(OrderStatus status) {
        Order o = newOrder("10");
        switch (status) {
            case INITIALIZED -> {}
            case DENIED -> act(o, OrderAction.DENY);
            case SUBMITTED -> act(o, OrderAction.SUBMIT);
            case ACCEPTED -> accepted(o);
            case REJECTED -> {
                act(o, OrderAction.SUBMIT);
                act(o, OrderAction.REJECT);
            }
            case PARTIALLY_FILLED -> {
                accepted(o);
                act(o, OrderAction.FILL, "4");
            }
            case FILLED -> {
                accepted(o);
                act(o, OrderAction.FILL, "10");
            }
            case PENDING_CANCEL -> {
                accepted(o);
                act(o, OrderAction.PENDING_CANCEL);
            }
            case PENDING_REPLACE -> {
                accepted(o);
                act(o, OrderAction.PENDING_REPLACE);
            }
            case CANCELED -> {
                accepted(o);
                act(o, OrderAction.CANCEL);
            }
            case EXPIRED -> {
                accepted(o);
                act(o, OrderAction.EXPIRE);
            }
        }
        assertThat(o.status()).isEqualTo(status);
        return o;
    }

    private static void accepted(Order o) {
        act(o, OrderAction.SUBMIT);
        act(o, OrderAction.ACCEPT);
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
        // under a pending request the event meets the working status (ACCEPTED here) by that status's own edge
        boolean refusedBelow = edge.isPresent()
                && edge.get().target() == OrderStateTable.Target.WORKING_STATUS
                && OrderStateTable.edge(OrderStatus.ACCEPTED, action).isEmpty();
        if (edge.isEmpty() || refusedBelow) {
            assertThatThrownBy(() -> act(order, action, "1"))
                    .isInstanceOf(IllegalOrderTransition.class)
                    .hasMessageContaining(refusedBelow ? OrderStatus.ACCEPTED.name() : status.name())
                    .hasMessageContaining(action.name());
            assertThat(order.status()).isEqualTo(status);
            return;
        }
        act(order, action, "1");
        OrderStatus expected = switch (edge.get().target()) {
            case STATUS -> edge.get().to();
            case BY_FILLED_QUANTITY -> OrderStatus.PARTIALLY_FILLED; // 1 of 10 (or 5 of 10) leaves some
            case PREVIOUS_STATUS -> OrderStatus.ACCEPTED; // orderIn went pending from ACCEPTED
            case UNCHANGED -> status;
            case WORKING_STATUS -> status; // a partial fill: still pending
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
            // a closed order only hears late answers to its requests, and they change nothing
            assertThat(OrderStateTable.edges())
                    .filteredOn(e -> e.from() == closed)
                    .allSatisfy(e -> assertThat(e.target()).isEqualTo(OrderStateTable.Target.UNCHANGED));
        }
    }

    @Nested
    class Fills {
        @Test
        void shouldBecomeFilled_whenTheLastUnitFills() {
            Order o = orderIn(OrderStatus.PARTIALLY_FILLED);
            o.apply(fill(o, "F-2", "6", "11"));
            assertThat(o.status()).isEqualTo(OrderStatus.FILLED);
            assertThat(o.filledQuantity()).isEqualTo(Quantity.of(10));
            assertThat(o.averageFillPrice()).isEqualByComparingTo("10.6");
        }

        @Test
        void shouldRefuseTheFill_whenItsIdWasSeenBefore() {
            Order o = orderIn(OrderStatus.PARTIALLY_FILLED);
            o.apply(fill(o, "F-seed", "1", "10"));
            assertThatThrownBy(() -> o.apply(fill(o, "F-seed", "1", "10")))
                    .hasMessageContaining("duplicate fill id F-seed");
            assertThat(o.filledQuantity()).isEqualTo(Quantity.of(5));
        }

        @Test
        void shouldRefuseTheFill_whenItExceedsTheQuantityLeft() {
            Order o = orderIn(OrderStatus.PARTIALLY_FILLED);
            assertThatThrownBy(() -> o.apply(fill(o, "F-9", "7", "10"))).hasMessageContaining("overfill");
            assertThat(o.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        }

        @Test
        void shouldReturnToPartiallyFilled_whenAPendingCancelIsRejected() {
            Order o = orderIn(OrderStatus.PARTIALLY_FILLED);
            act(o, OrderAction.PENDING_CANCEL);
            act(o, OrderAction.CANCEL_REJECT);
            assertThat(o.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        }
    }

    static OrderFilled fill(Order o, String fillId, String quantity, String price) {
        return new OrderFilled(
                1,
                T,
                o.id(),
                fillId,
                o.strategyId(),
                o.instrument(),
                o.side(),
                Quantity.of(quantity),
                Price.of(price),
                Price.of("0"),
                Money.zero(Currency.of("USD")),
                Liquidity.MAKER);
    }

    @Nested
    class RequestsInFlight {
        @Test
        void shouldStayPendingAndApplyTheReplaceToWhatIsLeft_whenAFillArrivesWhileAReplaceTravels() {
            Order o = orderIn(OrderStatus.PENDING_REPLACE);
            o.apply(fill(o, "F-1", "4", "10"));
            assertThat(o.status()).isEqualTo(OrderStatus.PENDING_REPLACE);
            assertThat(o.workingStatus()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
            act(o, OrderAction.REPLACE);
            assertThat(o.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
            assertThat(o.quantity()).isEqualTo(Quantity.of(20));
            assertThat(o.leavesQuantity()).isEqualTo(Quantity.of(16));
        }

        @Test
        void shouldCloseAsFilledAndHearTheLateRefusal_whenTheLastFillArrivesWhileACancelTravels() {
            Order o = orderIn(OrderStatus.PENDING_CANCEL);
            o.apply(fill(o, "F-1", "10", "10"));
            assertThat(o.status()).isEqualTo(OrderStatus.FILLED);
            act(o, OrderAction.CANCEL_REJECT);
            assertThat(o.status()).isEqualTo(OrderStatus.FILLED);
        }

        @Test
        void shouldCancelWhatIsLeft_whenACancelArrivesAfterAPartialFill() {
            Order o = orderIn(OrderStatus.PENDING_CANCEL);
            o.apply(fill(o, "F-1", "3", "10"));
            assertThat(o.status()).isEqualTo(OrderStatus.PENDING_CANCEL);
            act(o, OrderAction.CANCEL);
            assertThat(o.status()).isEqualTo(OrderStatus.CANCELED);
            assertThat(o.filledQuantity()).isEqualTo(Quantity.of(3));
        }

        @Test
        void shouldFollowTheOrder_whenACancelLeavesBeforeTheVenueAcknowledgedIt() {
            Order o = orderIn(OrderStatus.SUBMITTED);
            act(o, OrderAction.PENDING_CANCEL);
            act(o, OrderAction.ACCEPT);
            assertThat(o.status()).isEqualTo(OrderStatus.PENDING_CANCEL);
            assertThat(o.workingStatus()).isEqualTo(OrderStatus.ACCEPTED);
            assertThatThrownBy(() -> act(o, OrderAction.ACCEPT)).isInstanceOf(IllegalOrderTransition.class);
            act(o, OrderAction.CANCEL_REJECT);
            assertThat(o.status()).isEqualTo(OrderStatus.ACCEPTED);
        }

        @Test
        void shouldAnswerTheReplaceFirst_whenACancelFollowsAReplace() {
            Order o = orderIn(OrderStatus.PENDING_REPLACE);
            act(o, OrderAction.PENDING_CANCEL);
            act(o, OrderAction.REPLACE);
            assertThat(o.status()).isEqualTo(OrderStatus.PENDING_CANCEL);
            assertThat(o.quantity()).isEqualTo(Quantity.of(20));
            act(o, OrderAction.CANCEL);
            assertThat(o.status()).isEqualTo(OrderStatus.CANCELED);
        }

        @Test
        void shouldRefuseAReplaceBelowWhatHasFilled_whenTheVenueWouldApplyIt() {
            Order o = orderIn(OrderStatus.PENDING_REPLACE);
            o.apply(fill(o, "F-1", "6", "10"));
            assertThatThrownBy(() -> o.apply(new OrderReplaced(1, T, o.id(), Quantity.of(5), Price.of("9"), null)))
                    .hasMessageContaining("must exceed what has filled");
        }
    }
}
