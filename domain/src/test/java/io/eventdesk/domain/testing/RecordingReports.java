package io.eventdesk.domain.testing;

import io.eventdesk.domain.order.Liquidity;
import io.eventdesk.domain.order.OrderId;
import io.eventdesk.domain.port.ExecutionReportListener;
import io.eventdesk.domain.portfolio.PortfolioView;
import io.eventdesk.domain.value.Money;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Records what a venue reports, in order, against a real account view. */
public final class RecordingReports implements ExecutionReportListener {
    /** One report. {@code kind} is the name of the listener method called: accepted, filled, cancelRejected, ... */
    public record Report(
            String kind,
            OrderId order,
            Instant time,
            Quantity quantity,
            Price price,
            Money fee,
            String reason,
            Price slippage,
            Liquidity liquidity) {
        Report(String kind, OrderId order, Instant time, Quantity quantity, Price price, Money fee, String reason) {
            this(kind, order, time, quantity, price, fee, reason, null, null);
        }
    }

    private final PortfolioView account;
    private final List<Report> reports = new ArrayList<>();

    public RecordingReports(PortfolioView account) {
        this.account = account;
    }

    public List<Report> all() {
        return reports;
    }

    public List<Report> of(String kind) {
        return reports.stream().filter(r -> r.kind().equals(kind)).toList();
    }

    public List<Report> fills() {
        return of("filled");
    }

    @Override
    public PortfolioView account() {
        return account;
    }

    @Override
    public void accepted(OrderId order, Instant time) {
        reports.add(new Report("accepted", order, time, null, null, null, null));
    }

    @Override
    public void rejected(OrderId order, Instant time, String reason) {
        reports.add(new Report("rejected", order, time, null, null, null, reason));
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
        reports.add(new Report("filled", order, time, quantity, price, fee, fillId, slippage, liquidity));
    }

    @Override
    public void triggered(OrderId order, Instant time, Price price) {
        reports.add(new Report("triggered", order, time, null, price, null, null));
    }

    @Override
    public void canceled(OrderId order, Instant time, String reason) {
        reports.add(new Report("canceled", order, time, null, null, null, reason));
    }

    @Override
    public void expired(OrderId order, Instant time) {
        reports.add(new Report("expired", order, time, null, null, null, null));
    }

    @Override
    public void cancelRejected(OrderId order, Instant time, String reason) {
        reports.add(new Report("cancelRejected", order, time, null, null, null, reason));
    }

    @Override
    public void replaced(
            OrderId order, Instant time, Quantity newQuantity, Price newLimitPrice, Price newTriggerPrice) {
        reports.add(new Report(
                "replaced",
                order,
                time,
                newQuantity,
                newLimitPrice == null ? newTriggerPrice : newLimitPrice,
                null,
                null));
    }

    @Override
    public void replaceRejected(OrderId order, Instant time, String reason) {
        reports.add(new Report("replaceRejected", order, time, null, null, null, reason));
    }
}
