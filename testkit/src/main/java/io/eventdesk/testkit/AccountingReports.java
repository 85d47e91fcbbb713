package io.eventdesk.testkit;

import io.eventdesk.domain.event.OrderInitialized;
import io.eventdesk.domain.order.Liquidity;
import io.eventdesk.domain.order.OrderId;
import io.eventdesk.domain.order.OrderRequest;
import io.eventdesk.domain.order.lifecycle.Fill;
import io.eventdesk.domain.order.lifecycle.Order;
import io.eventdesk.domain.portfolio.Portfolio;
import io.eventdesk.domain.testing.RecordingReports;
import io.eventdesk.domain.value.Money;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The listener the contracts hand a venue, as the engine does: every report is recorded in order
 * ({@link #recorded()}), and every fill changes the account the venue reads (positions, cash), so a venue that
 * checks funds or short sales itself sees what was bought before.
 */
public final class AccountingReports extends ForwardingReports {
    private final Portfolio account;
    private final Map<OrderId, Order> orders = new HashMap<>();
    private long sequence;

    public AccountingReports(Portfolio account) {
        super(new RecordingReports(account));
        this.account = account;
    }

    /** Tells the account about an order sent to the venue, so that its fills can be booked. */
    public void submitted(OrderId id, OrderRequest request, Instant decided) {
        orders.put(id, Order.initialized(new OrderInitialized(++sequence, decided, id, request)));
    }

    /** Everything reported, in order. */
    public RecordingReports recorded() {
        return (RecordingReports) out;
    }

    @Override
    public void filled(
            OrderId order,
            Instant time,
            String fillId,
            Quantity quantity,
            Price price,
            Price slippage,
            Money fee,
            Liquidity liquidity) {
        super.filled(order, time, fillId, quantity, price, slippage, fee, liquidity);
        Order o = orders.get(order);
        if (o == null) {
            throw new AssertionError("the venue filled " + order + ", which was never submitted");
        }
        account.apply(new Fill(fillId, time, quantity, price, fee, liquidity, slippage).of(o, ++sequence));
    }
}
