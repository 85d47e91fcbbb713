package io.eventdesk.testkit;

import io.eventdesk.domain.order.Liquidity;
import io.eventdesk.domain.order.OrderId;
import io.eventdesk.domain.port.ExecutionReportListener;
import io.eventdesk.domain.portfolio.PortfolioView;
import io.eventdesk.domain.value.Money;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import java.time.Instant;

/** A listener that hands every report on to another: extend it to watch or change one kind of report. */
public class ForwardingReports implements ExecutionReportListener {
    protected final ExecutionReportListener out;

    public ForwardingReports(ExecutionReportListener out) {
        this.out = out;
    }

    @Override
    public PortfolioView account() {
        return out.account();
    }

    @Override
    public void accepted(OrderId order, Instant time) {
        out.accepted(order, time);
    }

    @Override
    public void rejected(OrderId order, Instant time, String reason) {
        out.rejected(order, time, reason);
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
        out.filled(order, time, fillId, quantity, price, slippage, fee, liquidity);
    }

    @Override
    public void triggered(OrderId order, Instant time, Price price) {
        out.triggered(order, time, price);
    }

    @Override
    public void canceled(OrderId order, Instant time, String reason) {
        out.canceled(order, time, reason);
    }

    @Override
    public void expired(OrderId order, Instant time) {
        out.expired(order, time);
    }

    @Override
    public void cancelRejected(OrderId order, Instant time, String reason) {
        out.cancelRejected(order, time, reason);
    }

    @Override
    public void replaced(
            OrderId order, Instant time, Quantity newQuantity, Price newLimitPrice, Price newTriggerPrice) {
        out.replaced(order, time, newQuantity, newLimitPrice, newTriggerPrice);
    }

    @Override
    public void replaceRejected(OrderId order, Instant time, String reason) {
        out.replaceRejected(order, time, reason);
    }
}
