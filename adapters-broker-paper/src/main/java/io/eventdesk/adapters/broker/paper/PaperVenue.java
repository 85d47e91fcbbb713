package io.eventdesk.adapters.broker.paper;

import io.eventdesk.domain.instrument.Instrument;
import io.eventdesk.domain.instrument.InstrumentId;
import io.eventdesk.domain.market.Bar;
import io.eventdesk.domain.market.BookUpdate;
import io.eventdesk.domain.market.MarketData;
import io.eventdesk.domain.market.OrderBook;
import io.eventdesk.domain.market.Quote;
import io.eventdesk.domain.market.QuoteBar;
import io.eventdesk.domain.market.Trade;
import io.eventdesk.domain.order.Liquidity;
import io.eventdesk.domain.order.OrderId;
import io.eventdesk.domain.order.OrderRequest;
import io.eventdesk.domain.order.OrderType;
import io.eventdesk.domain.port.ExecutionReportListener;
import io.eventdesk.domain.port.ExecutionVenuePort;
import io.eventdesk.domain.value.Money;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import io.eventdesk.domain.value.Side;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A simulated venue that executes orders against bars, trades and quotes with no look-ahead. The rules, in the
 * order a request meets them:
 *
 * <ul>
 *   <li><b>Arrival.</b> A request arrives after the latency of its kind (submit, cancel, replace) plus a seeded
 *       jitter; requests about one order arrive in the order they were sent. On arrival an order is rejected if
 *       its quantity is off the lot grid, a price is off the tick grid, a GTD time has passed, a reduce-only order
 *       would increase the position, a post-only order would cross the last known market, or a market order finds
 *       an empty side of the quoted book. Otherwise it is accepted.
 *   <li><b>Eligibility.</b> An order trades only on bars that open at or after its arrival, and on ticks strictly
 *       after it.
 *   <li><b>Bars.</b> The price is assumed to move O→H→L→C or O→L→H→C ({@link BarPath}). MARKET orders fill at
 *       the open. A limit fills at the open when the bar opens through it (a gap), else at its price when the path
 *       reaches it. A stop triggers when the path reaches its trigger, filling at the trigger (or at the open when
 *       the bar gapped through it); a stop-limit then works as a limit from that point of the path on. Fills at
 *       the open are stamped with the open time; fills inside the bar with its close, when the touch is known.
 *   <li><b>Trades.</b> Market orders fill at the trade's price; a resting limit fills at its price when a trade
 *       goes through it (strictly), a marketable one at the trade's price; stops trigger on a trade at or through
 *       the trigger and fill at that trade's price.
 *   <li><b>Quotes.</b> Buys take the ask, sells the bid (crossing the spread); a resting limit fills at its price
 *       when the far side reaches it; stops trigger on the far side.
 *   <li><b>Liquidity.</b> With a participation cap, the desk's orders together take at most that fraction of a
 *       bar's volume, a trade's size, or the quoted size on their side. The volume is handed out in the order the
 *       path reaches the orders, then by time priority: the same volume is never filled twice. What does not fill
 *       waits: a market order's remainder fills at the next bars' opens.
 *   <li><b>Time in force.</b> IOC and FOK orders meet only the first market data after arrival (on bars, the
 *       open): IOC cancels what did not fill, FOK fills entirely or not at all. DAY orders expire at their
 *       instrument's session end, GTD orders at their time.
 *   <li><b>Execution checks.</b> A buy whose cost exceeds the account's cash is canceled, as a cash venue would; a
 *       reduce-only order is trimmed to the position and canceled once it is closed.
 *   <li><b>Cancel and replace.</b> One that finds the order no longer working is rejected as too late. A replace
 *       that only lowers the quantity keeps the order's time priority; any other goes to the back of the queue.
 * </ul>
 *
 * <p>The parts: {@link RequestsInFlight} (latency and arrival order), {@link ArrivalChecks} (refusals on arrival),
 * {@link RestingOrders} (queues and expiries), one candidate generator per kind of data ({@link BarCandidates} on
 * the bar's path, {@link TickCandidates} for trades, quotes and the top of a level-2 book) feeding one
 * {@link LiquidityAllocation} (caps, fills, slippage by the {@link SlippageModel}, fees, funds).
 */
final class PaperVenue implements ExecutionVenuePort {
    private final PaperVenueConfig config;
    private final Map<InstrumentId, Instrument> instruments = new HashMap<>();
    private final RequestsInFlight inFlight;
    private final RestingOrders resting = new RestingOrders();
    private final BarCandidates bars;
    private final LiquidityAllocation liquidity;
    private final List<Candidate> candidates = new ArrayList<>();

    PaperVenue(PaperVenueConfig config, Collection<Instrument> instruments) {
        this.config = config;
        this.inFlight = new RequestsInFlight(config.latency());
        this.bars = new BarCandidates(config.barPath());
        this.liquidity = new LiquidityAllocation(config, resting);
        for (Instrument i : instruments) {
            this.instruments.put(i.id(), i);
        }
    }

    // ---------------------------------------------------------------- requests

    @Override
    public Instant submit(OrderId order, OrderRequest request, Instant decisionTime) {
        WorkingOrder w = new WorkingOrder(order, request);
        w.expiry = switch (request.timeInForce()) {
            case DAY -> config.sessionOf(request.instrument()).nextEnd(decisionTime);
            case GTD -> request.expireTime();
            default -> null;
        };
        return inFlight.submit(w, decisionTime);
    }

    @Override
    public Instant cancel(OrderId order, Instant decisionTime) {
        return inFlight.cancel(order, known(order), decisionTime);
    }

    @Override
    public Instant replace(
            OrderId order, Quantity newQuantity, Price newLimitPrice, Price newTriggerPrice, Instant decisionTime) {
        return inFlight.replace(order, known(order), newQuantity, newLimitPrice, newTriggerPrice, decisionTime);
    }

    private WorkingOrder known(OrderId order) {
        WorkingOrder w = inFlight.travelling(order);
        return w != null ? w : resting.get(order);
    }

    @Override
    public void advanceTo(Instant time, ExecutionReportListener listener) {
        while (true) {
            RequestsInFlight.Request arriving = inFlight.peek();
            WorkingOrder expiring = resting.nextExpiry();
            boolean arrivalDue = arriving != null && !arriving.arrival().isAfter(time);
            boolean expiryDue = expiring != null && !expiring.expiry.isAfter(time);
            if (arrivalDue && (!expiryDue || !expiring.expiry.isBefore(arriving.arrival()))) {
                RequestsInFlight.Request r = inFlight.poll();
                switch (r.kind()) {
                    case NEW -> arrive(r.order(), listener);
                    case CANCEL -> arriveCancel(r, listener);
                    case REPLACE -> arriveReplace(r, listener);
                }
            } else if (expiryDue) {
                WorkingOrder w = resting.expire();
                listener.expired(w.id, w.expiry);
            } else {
                return;
            }
        }
    }

    private void arrive(WorkingOrder w, ExecutionReportListener listener) {
        OrderRequest request = w.request;
        Instrument instrument = instruments.get(request.instrument());
        if (instrument == null) {
            listener.rejected(w.id, w.arrival, "instrument " + request.instrument() + " is not traded here");
            return;
        }
        VenueBook book = resting.book(instrument.id());
        String refusal = ArrivalChecks.refusalOfNew(
                request, instrument, book, listener.account().position(instrument.id()), w.arrival);
        if (refusal != null) {
            listener.rejected(w.id, w.arrival, refusal);
            return;
        }
        w.taker = switch (request.type()) {
            case MARKET, STOP -> true;
            case LIMIT -> book.marketable(request.side(), request.limitPrice());
            case STOP_LIMIT -> false; // decided when it triggers
        };
        listener.accepted(w.id, w.arrival);
        w.filled = new Quantity(0, request.quantity().scale());
        resting.add(w);
    }

    private void arriveCancel(RequestsInFlight.Request r, ExecutionReportListener listener) {
        WorkingOrder w = resting.get(r.id());
        if (w == null) {
            listener.cancelRejected(r.id(), r.arrival(), "too late: the order is no longer working at the venue");
            return;
        }
        resting.remove(w);
        listener.canceled(r.id(), r.arrival(), "canceled on request");
    }

    private void arriveReplace(RequestsInFlight.Request r, ExecutionReportListener listener) {
        WorkingOrder w = resting.get(r.id());
        if (w == null) {
            listener.replaceRejected(r.id(), r.arrival(), "too late: the order is no longer working at the venue");
            return;
        }
        Instrument instrument = instruments.get(w.request.instrument());
        VenueBook book = resting.book(instrument.id());
        OrderRequest replaced = null;
        String refusal = ArrivalChecks.gridProblem(instrument, r.newQuantity(), r.newLimit(), r.newTrigger());
        if (refusal == null) {
            try {
                replaced = w.request.withQuantityAndPrices(r.newQuantity(), r.newLimit(), r.newTrigger());
                refusal = ArrivalChecks.refusalOfReplace(replaced, instrument, book, w.filled);
            } catch (IllegalArgumentException e) {
                refusal = e.getMessage();
            }
        }
        if (refusal != null) {
            listener.replaceRejected(r.id(), r.arrival(), refusal);
            return;
        }
        boolean keepsPriority = equal(replaced.limitPrice(), w.request.limitPrice())
                && equal(replaced.triggerPrice(), w.request.triggerPrice())
                && replaced.quantity().compareTo(w.request.quantity()) <= 0;
        w.request = replaced;
        if (replaced.type() == OrderType.LIMIT || replaced.type() == OrderType.STOP_LIMIT && w.triggered) {
            w.taker = book.marketable(replaced.side(), replaced.limitPrice());
        }
        if (!keepsPriority) {
            // a new price or a larger size loses its place in the queue, as on most venues
            resting.requeue(w);
            w.eligibleFrom = r.arrival();
        }
        listener.replaced(r.id(), r.arrival(), r.newQuantity(), r.newLimit(), r.newTrigger());
    }

    private static boolean equal(Price a, Price b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    // ---------------------------------------------------------------- matching

    @Override
    public void onMarketData(MarketData data, ExecutionReportListener listener) {
        VenueBook book = resting.book(data.instrument());
        if (data instanceof BookUpdate update) {
            // level-2 data is matched at the top of the book the venue rebuilds from it
            if (book.levels == null) {
                book.levels = new OrderBook(update.instrument());
            }
            book.levels.apply(update);
            data = book.levels.top(update.time());
            if (data == null) {
                return;
            }
        }
        if (!book.orders.isEmpty()) {
            Instrument instrument = instruments.get(data.instrument());
            if (data instanceof Bar bar) {
                bars.collect(bar, book.orders, null, candidates);
                liquidity.execute(
                        candidates, book, instrument, liquidity.cap(bar.volume(), instrument), null, listener);
            } else if (data instanceof QuoteBar quoteBar) {
                // buyers trade on the ask bar's path, then sellers on the bid's
                bars.collect(quoteBar.ask(), book.orders, Side.BUY, candidates);
                liquidity.execute(
                        candidates,
                        book,
                        instrument,
                        liquidity.cap(quoteBar.ask().volume(), instrument),
                        null,
                        listener);
                bars.collect(quoteBar.bid(), book.orders, Side.SELL, candidates);
                liquidity.execute(
                        candidates,
                        book,
                        instrument,
                        liquidity.cap(quoteBar.bid().volume(), instrument),
                        null,
                        listener);
            } else if (data instanceof Trade trade) {
                TickCandidates.onTrade(trade, book.orders, candidates);
                liquidity.execute(
                        candidates, book, instrument, liquidity.cap(trade.size(), instrument), null, listener);
            } else if (data instanceof Quote quote) {
                TickCandidates.onQuote(quote, book.orders, candidates);
                // each side takes from its own quoted size
                liquidity.execute(
                        candidates,
                        book,
                        instrument,
                        liquidity.cap(quote.askSize(), instrument),
                        liquidity.cap(quote.bidSize(), instrument),
                        listener);
            }
        }
        book.learn(data);
    }

    @Override
    public Money estimateFee(Instrument instrument, Quantity quantity, Price price) {
        return config.fees().fee(instrument, quantity, price, Liquidity.TAKER);
    }
}
