package io.eventdesk.adapters.broker.paper;

import io.eventdesk.domain.instrument.Instrument;
import io.eventdesk.domain.instrument.InstrumentId;
import io.eventdesk.domain.market.Bar;
import io.eventdesk.domain.market.MarketData;
import io.eventdesk.domain.order.OrderId;
import io.eventdesk.domain.order.OrderRequest;
import io.eventdesk.domain.order.OrderType;
import io.eventdesk.domain.order.TimeInForce;
import io.eventdesk.domain.port.ExecutionReportListener;
import io.eventdesk.domain.port.ExecutionVenuePort;
import io.eventdesk.domain.value.FixedPoint;
import io.eventdesk.domain.value.Money;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import io.eventdesk.domain.value.Side;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Executes orders against bars, with no look-ahead:
 *
 * <ul>
 *   <li>an order arrives {@code latency} after its decision and is eligible only for bars that open at or after
 *       its arrival;
 *   <li>a MARKET order fills its whole quantity at the first eligible bar's open, moved against the trader by
 *       the slippage (rounded to the tick, against the trader); the fill's time is the bar's open;
 *   <li>a LIMIT buy fills at the open if the bar opens at or below the limit (a gap through it), else at the limit
 *       if the bar's low reaches it; the fill's time is the bar's close, when the touch is known (a sell
 *       mirrors this with the high);
 *   <li>a buy whose cost (notional + fee) exceeds the account's cash at execution is canceled, as a cash venue
 *       would: the cash account never goes negative;
 *   <li>DAY orders expire at the end of the UTC day they were decided in;
 *   <li>cancels and replaces arrive after the same latency; one that finds the order no longer working (filled,
 *       canceled, expired) is rejected as too late; a replaced order goes to the back of its price's queue.
 * </ul>
 */
final class PaperVenue implements ExecutionVenuePort {

    private final PaperVenueConfig config;
    private final long slippageUnits;
    private final int slippageScale;
    private final Map<InstrumentId, Instrument> instruments = new HashMap<>();
    /** Requests on their way to the venue, by arrival time, then by the order they were sent. */
    private final PriorityQueue<Request> inFlight =
            new PriorityQueue<>(Comparator.comparing((Request r) -> r.arrival).thenComparingLong(r -> r.sequence));

    private final Map<InstrumentId, List<Working>> books = new HashMap<>();
    private final Map<OrderId, Working> resting = new HashMap<>();
    private long requestSequence;
    private long fillCounter;
    /** resting orders with an expiry: when none, the expiry scan is skipped */
    private int expiring;

    PaperVenue(PaperVenueConfig config, Collection<Instrument> instruments) {
        this.config = config;
        Price bps = Price.of(config.slippageBps());
        this.slippageUnits = bps.units();
        this.slippageScale = bps.scale();
        for (Instrument i : instruments) {
            this.instruments.put(i.id(), i);
        }
    }

    @Override
    public Instant submit(OrderId order, OrderRequest request, Instant decisionTime) {
        Instant arrival = decisionTime.plus(config.latency());
        Instant expiry = request.timeInForce() == TimeInForce.DAY
                ? decisionTime
                        .atOffset(ZoneOffset.UTC)
                        .truncatedTo(ChronoUnit.DAYS)
                        .plusDays(1)
                        .toInstant()
                : null;
        Working w = new Working(order, request, arrival, expiry);
        inFlight.add(new Request(Kind.NEW, order, arrival, ++requestSequence, w, null, null));
        return arrival;
    }

    @Override
    public Instant cancel(OrderId order, Instant decisionTime) {
        Instant arrival = decisionTime.plus(config.latency());
        inFlight.add(new Request(Kind.CANCEL, order, arrival, ++requestSequence, null, null, null));
        return arrival;
    }

    @Override
    public Instant replace(OrderId order, Quantity newQuantity, Price newLimitPrice, Instant decisionTime) {
        Instant arrival = decisionTime.plus(config.latency());
        inFlight.add(new Request(Kind.REPLACE, order, arrival, ++requestSequence, null, newQuantity, newLimitPrice));
        return arrival;
    }

    @Override
    public void advanceTo(Instant time, ExecutionReportListener listener) {
        while (true) {
            Request arriving = inFlight.peek();
            Working expiring = nextExpiry();
            boolean arrivalDue = arriving != null && !arriving.arrival.isAfter(time);
            boolean expiryDue = expiring != null && !expiring.expiry.isAfter(time);
            if (arrivalDue && (!expiryDue || !expiring.expiry.isBefore(arriving.arrival))) {
                Request r = inFlight.poll();
                switch (r.kind) {
                    case NEW -> arrive(r.order, listener);
                    case CANCEL -> arriveCancel(r, listener);
                    case REPLACE -> arriveReplace(r, listener);
                }
            } else if (expiryDue) {
                remove(expiring);
                listener.expired(expiring.id, expiring.expiry);
            } else {
                return;
            }
        }
    }

    private Working nextExpiry() {
        if (expiring == 0) {
            return null;
        }
        Working next = null;
        for (List<Working> book : books.values()) {
            for (Working w : book) {
                if (w.expiry != null && (next == null || w.expiry.isBefore(next.expiry))) {
                    next = w;
                }
            }
        }
        return next;
    }

    private void arrive(Working w, ExecutionReportListener listener) {
        Instrument instrument = instruments.get(w.request.instrument());
        if (instrument == null) {
            listener.rejected(w.id, w.arrival, "instrument " + w.request.instrument() + " is not traded here");
            return;
        }
        if (!instrument.isOnLotGrid(w.request.quantity())) {
            listener.rejected(
                    w.id,
                    w.arrival,
                    "quantity " + w.request.quantity() + " is off the lot grid " + instrument.lotSize());
            return;
        }
        if (w.request.limitPrice() != null && !instrument.isOnTickGrid(w.request.limitPrice())) {
            listener.rejected(
                    w.id,
                    w.arrival,
                    "limit price " + w.request.limitPrice() + " is off the tick grid " + instrument.tickSize());
            return;
        }
        listener.accepted(w.id, w.arrival);
        books.computeIfAbsent(instrument.id(), k -> new ArrayList<>()).add(w);
        resting.put(w.id, w);
        if (w.expiry != null) {
            expiring++;
        }
    }

    private void arriveCancel(Request r, ExecutionReportListener listener) {
        Working w = resting.get(r.id);
        if (w == null) {
            listener.cancelRejected(r.id, r.arrival, "too late: the order is no longer working at the venue");
            return;
        }
        remove(w);
        listener.canceled(r.id, r.arrival, "canceled on request");
    }

    private void arriveReplace(Request r, ExecutionReportListener listener) {
        Working w = resting.get(r.id);
        if (w == null) {
            listener.replaceRejected(r.id, r.arrival, "too late: the order is no longer working at the venue");
            return;
        }
        Instrument instrument = instruments.get(w.request.instrument());
        if (!instrument.isOnLotGrid(r.newQuantity)) {
            listener.replaceRejected(
                    r.id, r.arrival, "quantity " + r.newQuantity + " is off the lot grid " + instrument.lotSize());
            return;
        }
        if (r.newLimit != null && !instrument.isOnTickGrid(r.newLimit)) {
            listener.replaceRejected(
                    r.id, r.arrival, "limit price " + r.newLimit + " is off the tick grid " + instrument.tickSize());
            return;
        }
        // a replaced order loses its place in the queue, as on most venues
        List<Working> book = books.get(instrument.id());
        book.remove(w);
        Working replaced =
                new Working(w.id, w.request.withQuantityAndLimit(r.newQuantity, r.newLimit), r.arrival, w.expiry);
        book.add(replaced);
        resting.put(w.id, replaced);
        listener.replaced(r.id, r.arrival, r.newQuantity, r.newLimit);
    }

    private void remove(Working w) {
        books.get(w.request.instrument()).remove(w);
        resting.remove(w.id);
        if (w.expiry != null) {
            expiring--;
        }
    }

    @Override
    public void onMarketData(MarketData data, ExecutionReportListener listener) {
        if (!(data instanceof Bar bar)) {
            return;
        }
        List<Working> book = books.get(bar.instrument());
        if (book == null || book.isEmpty()) {
            return;
        }
        Instrument instrument = instruments.get(bar.instrument());
        for (Iterator<Working> it = book.iterator(); it.hasNext(); ) {
            Working w = it.next();
            if (w.arrival.isAfter(bar.openTime())) {
                continue; // arrived after this bar opened: it may only trade on later bars
            }
            Execution ex = match(w.request, bar, instrument);
            if (ex == null) {
                continue;
            }
            it.remove();
            resting.remove(w.id);
            if (w.expiry != null) {
                expiring--;
            }
            execute(w, ex, instrument, listener);
        }
    }

    private Execution match(OrderRequest order, Bar bar, Instrument instrument) {
        boolean buy = order.side() == Side.BUY;
        if (order.type() == OrderType.MARKET) {
            Price price = slipped(bar.open(), buy, instrument);
            return new Execution(price, price.minus(bar.open()).abs(), bar.openTime());
        }
        Price limit = order.limitPrice();
        if (buy ? !bar.open().isAbove(limit) : !bar.open().isBelow(limit)) {
            return new Execution(bar.open(), zero(instrument), bar.openTime());
        }
        if (buy ? !bar.low().isAbove(limit) : !bar.high().isBelow(limit)) {
            return new Execution(limit, zero(instrument), bar.closeTime());
        }
        return null;
    }

    private Price slipped(Price open, boolean buy, Instrument instrument) {
        if (slippageUnits == 0) {
            return open;
        }
        // open × bps / 10,000, computed four digits finer than the price, then rounded to the tick against the trader
        int fine = open.scale() + 4;
        RoundingMode against = buy ? RoundingMode.CEILING : RoundingMode.FLOOR;
        long delta = FixedPoint.multiply(
                open.units(), open.scale(), slippageUnits, slippageScale + 4, fine, RoundingMode.CEILING);
        long base = FixedPoint.rescale(open.units(), open.scale(), fine);
        Price raw = new Price(buy ? Math.addExact(base, delta) : Math.subtractExact(base, delta), fine);
        return instrument.roundToTick(raw, against);
    }

    private static Price zero(Instrument instrument) {
        return new Price(0, instrument.priceScale());
    }

    private void execute(Working w, Execution ex, Instrument instrument, ExecutionReportListener listener) {
        Quantity quantity = w.request.quantity();
        Money fee = config.commission().fee(instrument, quantity, ex.price);
        if (w.request.side() == Side.BUY) {
            Money cost = instrument.notional(ex.price, quantity).plus(fee);
            Money cash = listener.account().cash();
            if (cost.compareTo(cash) > 0) {
                listener.canceled(
                        w.id,
                        ex.time,
                        "insufficient cash at execution: buying " + quantity + " at " + ex.price + " costs "
                                + cost.amount() + " (fee " + fee.amount() + ") > cash " + cash.amount());
                return;
            }
        }
        listener.filled(w.id, ex.time, "F-" + (++fillCounter), quantity, ex.price, ex.slippage, fee);
    }

    @Override
    public Money estimateFee(Instrument instrument, Quantity quantity, Price price) {
        return config.commission().fee(instrument, quantity, price);
    }

    private record Execution(Price price, Price slippage, Instant time) {}

    private enum Kind {
        NEW,
        CANCEL,
        REPLACE
    }

    /** A request on its way to the venue. */
    private record Request(
            Kind kind,
            OrderId id,
            Instant arrival,
            long sequence,
            Working order,
            Quantity newQuantity,
            Price newLimit) {}

    private static final class Working {
        final OrderId id;
        final OrderRequest request;
        final Instant arrival;
        final Instant expiry;

        Working(OrderId id, OrderRequest request, Instant arrival, Instant expiry) {
            this.id = id;
            this.request = request;
            this.arrival = arrival;
            this.expiry = expiry;
        }
    }
}
