package io.eventdesk.adapters.broker.paper;

import io.eventdesk.domain.instrument.Instrument;
import io.eventdesk.domain.instrument.InstrumentId;
import io.eventdesk.domain.instrument.Settlement;
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
import io.eventdesk.domain.order.TimeInForce;
import io.eventdesk.domain.port.ExecutionReportListener;
import io.eventdesk.domain.port.ExecutionVenuePort;
import io.eventdesk.domain.portfolio.AccountType;
import io.eventdesk.domain.portfolio.PortfolioView;
import io.eventdesk.domain.portfolio.PositionChange;
import io.eventdesk.domain.value.Money;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import io.eventdesk.domain.value.Side;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

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
 */
final class PaperVenue implements ExecutionVenuePort {
    private static final MathContext MC = MathContext.DECIMAL64;

    private final PaperVenueConfig config;
    private final SplittableRandom random;
    private final Map<InstrumentId, Instrument> instruments = new HashMap<>();
    /** Requests on their way to the venue, by arrival time, then by the order they were sent. */
    private final PriorityQueue<Request> inFlight =
            new PriorityQueue<>(Comparator.comparing((Request r) -> r.arrival).thenComparingLong(r -> r.sequence));
    /** Orders sent but not arrived: later requests about them must not overtake them. */
    private final Map<OrderId, Working> travelling = new HashMap<>();

    private final Map<InstrumentId, Book> books = new HashMap<>();
    private final Map<OrderId, Working> working = new HashMap<>();
    /** working orders with an expiry, soonest first; orders gone meanwhile are skipped when they come up */
    private final PriorityQueue<Working> expiries =
            new PriorityQueue<>(Comparator.comparing((Working w) -> w.expiry).thenComparingLong(w -> w.priority));

    private final List<Candidate> candidates = new ArrayList<>();
    private long requestSequence;
    private long prioritySequence;
    private long fillCounter;

    PaperVenue(PaperVenueConfig config, Collection<Instrument> instruments) {
        this.config = config;
        this.random = new SplittableRandom(config.latency().seed());
        for (Instrument i : instruments) {
            this.instruments.put(i.id(), i);
        }
    }

    // ---------------------------------------------------------------- requests

    @Override
    public Instant submit(OrderId order, OrderRequest request, Instant decisionTime) {
        Working w = new Working(order, request);
        w.lastArrival = Instant.MIN;
        Instant arrival = arrivalOf(w, config.latency().submit(), decisionTime);
        w.arrival = arrival;
        w.expiry = switch (request.timeInForce()) {
            case DAY -> config.sessionOf(request.instrument()).nextEnd(decisionTime);
            case GTD -> request.expireTime();
            default -> null;
        };
        travelling.put(order, w);
        inFlight.add(new Request(Kind.NEW, order, arrival, ++requestSequence, w, null, null, null));
        return arrival;
    }

    @Override
    public Instant cancel(OrderId order, Instant decisionTime) {
        Instant arrival = arrivalOf(known(order), config.latency().cancel(), decisionTime);
        inFlight.add(new Request(Kind.CANCEL, order, arrival, ++requestSequence, null, null, null, null));
        return arrival;
    }

    @Override
    public Instant replace(
            OrderId order, Quantity newQuantity, Price newLimitPrice, Price newTriggerPrice, Instant decisionTime) {
        Instant arrival = arrivalOf(known(order), config.latency().replace(), decisionTime);
        inFlight.add(new Request(
                Kind.REPLACE, order, arrival, ++requestSequence, null, newQuantity, newLimitPrice, newTriggerPrice));
        return arrival;
    }

    private Working known(OrderId order) {
        Working w = travelling.get(order);
        return w != null ? w : working.get(order);
    }

    /** decision + latency + jitter, never before an earlier request about the same order. */
    private Instant arrivalOf(Working w, Duration base, Instant decisionTime) {
        Instant arrival =
                decisionTime.plus(base).plusNanos(config.latency().jitter().draw(random));
        if (w != null) {
            if (arrival.isBefore(w.lastArrival)) {
                arrival = w.lastArrival;
            }
            w.lastArrival = arrival;
        }
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
                expiries.poll();
                remove(expiring);
                listener.expired(expiring.id, expiring.expiry);
            } else {
                return;
            }
        }
    }

    private Working nextExpiry() {
        Working next = expiries.peek();
        while (next != null && !next.live) {
            expiries.poll();
            next = expiries.peek();
        }
        return next;
    }

    private void arrive(Working w, ExecutionReportListener listener) {
        travelling.remove(w.id);
        OrderRequest request = w.request;
        Instrument instrument = instruments.get(request.instrument());
        if (instrument == null) {
            listener.rejected(w.id, w.arrival, "instrument " + request.instrument() + " is not traded here");
            return;
        }
        String refusal = gridProblem(instrument, request.quantity(), request.limitPrice(), request.triggerPrice());
        Book book = book(instrument.id());
        if (refusal == null
                && request.expireTime() != null
                && !request.expireTime().isAfter(w.arrival)) {
            refusal = "GTD expire time " + request.expireTime() + " passed before the order arrived at " + w.arrival;
        }
        if (refusal == null && request.reduceOnly()) {
            refusal = reduceOnlyProblem(request, listener.account().position(instrument.id()));
        }
        if (refusal == null && request.postOnly() && book.marketable(request.side(), request.limitPrice())) {
            refusal = "post-only " + request.side() + " at " + request.limitPrice() + " would cross the market ("
                    + book.describe() + ")";
        }
        if (refusal == null && request.type() == OrderType.MARKET && book.quoted && !book.canTake(request.side())) {
            refusal = "no market: the book has no " + (request.side() == Side.BUY ? "ask" : "bid");
        }
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
        w.priority = ++prioritySequence;
        w.live = true;
        w.filled = new Quantity(0, request.quantity().scale());
        book.orders.add(w);
        working.put(w.id, w);
        if (w.expiry != null) {
            expiries.add(w);
        }
    }

    private static String gridProblem(Instrument instrument, Quantity quantity, Price limit, Price trigger) {
        if (!instrument.isOnLotGrid(quantity)) {
            return "quantity " + quantity + " is off the lot grid " + instrument.lotSize();
        }
        if (limit != null && !instrument.isOnTickGrid(limit)) {
            return "limit price " + limit + " is off the tick grid " + instrument.tickSize();
        }
        if (trigger != null && !instrument.isOnTickGrid(trigger)) {
            return "trigger price " + trigger + " is off the tick grid " + instrument.tickSize();
        }
        return null;
    }

    private static String reduceOnlyProblem(OrderRequest request, Quantity position) {
        Quantity after = position.plus(request.signedQuantity());
        return PositionChange.of(position, request.signedQuantity()).reducesTowardZero()
                ? null
                : "reduce-only " + request.side() + " " + request.quantity() + " would not reduce the position "
                        + position + " (it would become " + after + ")";
    }

    private void arriveCancel(Request r, ExecutionReportListener listener) {
        Working w = working.get(r.id);
        if (w == null) {
            listener.cancelRejected(r.id, r.arrival, "too late: the order is no longer working at the venue");
            return;
        }
        remove(w);
        listener.canceled(r.id, r.arrival, "canceled on request");
    }

    private void arriveReplace(Request r, ExecutionReportListener listener) {
        Working w = working.get(r.id);
        if (w == null) {
            listener.replaceRejected(r.id, r.arrival, "too late: the order is no longer working at the venue");
            return;
        }
        Instrument instrument = instruments.get(w.request.instrument());
        String refusal = gridProblem(instrument, r.newQuantity, r.newLimit, r.newTrigger);
        if (refusal == null && r.newQuantity.compareTo(w.filled) <= 0) {
            refusal = "the new quantity " + r.newQuantity + " must exceed what has filled (" + w.filled + ")";
        }
        OrderRequest replaced = null;
        if (refusal == null) {
            try {
                replaced = w.request.withQuantityAndPrices(r.newQuantity, r.newLimit, r.newTrigger);
            } catch (IllegalArgumentException e) {
                refusal = e.getMessage();
            }
        }
        Book book = book(instrument.id());
        if (refusal == null && replaced.postOnly() && book.marketable(replaced.side(), replaced.limitPrice())) {
            refusal = "post-only " + replaced.side() + " at " + replaced.limitPrice() + " would cross the market ("
                    + book.describe() + ")";
        }
        if (refusal != null) {
            listener.replaceRejected(r.id, r.arrival, refusal);
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
            book.orders.remove(w);
            w.priority = ++prioritySequence;
            w.eligibleFrom = r.arrival;
            book.orders.add(w);
        }
        listener.replaced(r.id, r.arrival, r.newQuantity, r.newLimit, r.newTrigger);
    }

    private static boolean equal(Price a, Price b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private void remove(Working w) {
        books.get(w.request.instrument()).orders.remove(w);
        working.remove(w.id);
        w.live = false;
    }

    private Book book(InstrumentId instrument) {
        return books.computeIfAbsent(instrument, k -> new Book());
    }

    // ---------------------------------------------------------------- matching

    @Override
    public void onMarketData(MarketData data, ExecutionReportListener listener) {
        Book book = book(data.instrument());
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
                matchBar(bar, book, instrument, listener, null);
            } else if (data instanceof QuoteBar quoteBar) {
                // buyers trade on the ask bar's path, then sellers on the bid's
                matchBar(quoteBar.ask(), book, instrument, listener, Side.BUY);
                matchBar(quoteBar.bid(), book, instrument, listener, Side.SELL);
            } else if (data instanceof Trade trade) {
                matchTrade(trade, book, instrument, listener);
            } else if (data instanceof Quote quote) {
                matchQuote(quote, book, instrument, listener);
            }
        }
        book.learn(data);
    }

    /** Matches the orders of {@code side} (both when null) against {@code bar}. */
    private void matchBar(Bar bar, Book book, Instrument instrument, ExecutionReportListener listener, Side side) {
        boolean highFirst = config.barPath().highFirst(bar);
        Price[] path = {bar.open(), highFirst ? bar.high() : bar.low(), highFirst ? bar.low() : bar.high(), bar.close()
        };
        candidates.clear();
        List<Working> orders = book.orders;
        for (int i = 0; i < orders.size(); i++) {
            Working w = orders.get(i);
            if (w.eligibleFrom().isAfter(bar.openTime()) || side != null && w.request.side() != side) {
                continue; // arrived after this bar opened: it may only trade on later bars
            }
            Candidate c = onBar(w, path, bar);
            if (c != null) {
                candidates.add(c);
            }
            if (w.immediate()) {
                w.cancelOnFirstMarket = bar.openTime(); // one chance only
            }
        }
        candidates.sort(Candidate.ORDER);
        Quantity cap = cap(bar.volume(), instrument);
        execute(book, instrument, cap, null, listener);
        cancelImmediateLeftovers(book, listener);
    }

    /** Where on the bar's path {@code w} executes, triggering it on the way if it is a stop; null if it does not. */
    private Candidate onBar(Working w, Price[] path, Bar bar) {
        OrderRequest o = w.request;
        boolean buy = o.side() == Side.BUY;
        boolean immediate = w.immediate();
        Position at;
        if (o.type().hasTrigger() && !w.triggered) {
            Position trigger = reach(path, -1, path[0], o.triggerPrice(), buy);
            if (trigger == null) {
                return null;
            }
            trigger(w, trigger.price, trigger.segment < 0 ? bar.openTime() : bar.closeTime());
            if (o.type() == OrderType.STOP) {
                return candidate(w, trigger, trigger.price, path, bar, true, Liquidity.TAKER);
            }
            boolean marketable = buy ? !trigger.price.isAbove(o.limitPrice()) : !trigger.price.isBelow(o.limitPrice());
            w.taker = marketable;
            if (marketable) {
                return candidate(w, trigger, trigger.price, path, bar, false, Liquidity.TAKER);
            }
            at = reach(path, trigger.segment, trigger.price, o.limitPrice(), !buy);
            return at == null ? null : candidate(w, at, o.limitPrice(), path, bar, false, Liquidity.MAKER);
        }
        if (!o.type().hasLimit()) { // MARKET, or a triggered STOP
            return candidate(w, new Position(-1, path[0]), path[0], path, bar, true, Liquidity.TAKER);
        }
        at = reach(path, -1, path[0], o.limitPrice(), !buy);
        if (at == null || immediate && at.segment >= 0) {
            return null; // IOC and FOK meet only the open
        }
        Price price = at.segment < 0 ? path[0] : o.limitPrice();
        return candidate(w, at, price, path, bar, false, w.taker ? Liquidity.TAKER : Liquidity.MAKER);
    }

    private static Candidate candidate(
            Working w, Position at, Price price, Price[] path, Bar bar, boolean slips, Liquidity liquidity) {
        Instant time = at.segment < 0 ? bar.openTime() : bar.closeTime();
        // how far along its segment the point lies: it decides who the path reaches first
        Price progress =
                at.segment < 0 ? null : at.price.minus(path[at.segment]).abs();
        return new Candidate(w, at.segment, progress, price, price, time, slips, liquidity, bar.volume(), false);
    }

    /**
     * The first point of the path, from {@code fromPrice} on segment {@code fromSegment} (−1: the open), where the
     * price is at or above {@code level} ({@code up}) or at or below it; null if the path never gets there. The path
     * is continuous, so a crossing inside a segment happens exactly at the level.
     */
    static Position reach(Price[] path, int fromSegment, Price fromPrice, Price level, boolean up) {
        if (up ? !fromPrice.isBelow(level) : !fromPrice.isAbove(level)) {
            return new Position(fromSegment, fromPrice);
        }
        for (int k = Math.max(fromSegment, 0); k < path.length - 1; k++) {
            Price end = path[k + 1];
            if (up ? !end.isBelow(level) : !end.isAbove(level)) {
                return new Position(k, level);
            }
        }
        return null;
    }

    private void matchTrade(Trade trade, Book book, Instrument instrument, ExecutionReportListener listener) {
        candidates.clear();
        List<Working> orders = book.orders;
        Price p = trade.price();
        for (int i = 0; i < orders.size(); i++) {
            Working w = orders.get(i);
            if (!w.eligibleFrom().isBefore(trade.time())) {
                continue; // ticks strictly after the arrival
            }
            OrderRequest o = w.request;
            boolean buy = o.side() == Side.BUY;
            Candidate c = null;
            if (o.type().hasTrigger() && !w.triggered) {
                if (buy ? !p.isBelow(o.triggerPrice()) : !p.isAbove(o.triggerPrice())) {
                    trigger(w, p, trade.time());
                    if (o.type() == OrderType.STOP) {
                        c = tick(w, p, p, trade.time(), true, Liquidity.TAKER, trade.size(), false);
                    } else {
                        w.taker = buy ? !p.isAbove(o.limitPrice()) : !p.isBelow(o.limitPrice());
                        if (w.taker) {
                            c = tick(w, p, p, trade.time(), false, Liquidity.TAKER, trade.size(), false);
                        }
                    }
                }
            } else if (!o.type().hasLimit()) {
                c = tick(w, p, p, trade.time(), true, Liquidity.TAKER, trade.size(), false);
            } else if (w.taker) {
                if (buy ? !p.isAbove(o.limitPrice()) : !p.isBelow(o.limitPrice())) {
                    c = tick(w, p, p, trade.time(), false, Liquidity.TAKER, trade.size(), false);
                }
            } else if (buy ? p.isBelow(o.limitPrice()) : p.isAbove(o.limitPrice())) {
                c = tick(w, o.limitPrice(), o.limitPrice(), trade.time(), false, Liquidity.MAKER, trade.size(), false);
            }
            if (c != null) {
                candidates.add(c);
            }
            if (w.immediate()) {
                w.cancelOnFirstMarket = trade.time(); // one chance only
            }
        }
        execute(book, instrument, cap(trade.size(), instrument), null, listener);
        cancelImmediateLeftovers(book, listener);
    }

    private void matchQuote(Quote quote, Book book, Instrument instrument, ExecutionReportListener listener) {
        candidates.clear();
        List<Working> orders = book.orders;
        Price mid = quote.mid();
        for (int i = 0; i < orders.size(); i++) {
            Working w = orders.get(i);
            if (!w.eligibleFrom().isBefore(quote.time())) {
                continue;
            }
            OrderRequest o = w.request;
            boolean buy = o.side() == Side.BUY;
            Price far = buy ? (quote.hasAsk() ? quote.ask() : null) : (quote.hasBid() ? quote.bid() : null);
            Quantity size = buy ? quote.askSize() : quote.bidSize();
            Price reference = mid == null ? far : mid;
            Candidate c = null;
            if (far != null) {
                if (o.type().hasTrigger() && !w.triggered) {
                    if (buy ? !far.isBelow(o.triggerPrice()) : !far.isAbove(o.triggerPrice())) {
                        trigger(w, far, quote.time());
                        if (o.type() == OrderType.STOP) {
                            c = tick(w, far, reference, quote.time(), true, Liquidity.TAKER, size, true);
                        } else {
                            w.taker = buy ? !far.isAbove(o.limitPrice()) : !far.isBelow(o.limitPrice());
                            if (w.taker) {
                                c = tick(w, far, reference, quote.time(), false, Liquidity.TAKER, size, true);
                            }
                        }
                    }
                } else if (!o.type().hasLimit()) {
                    c = tick(w, far, reference, quote.time(), true, Liquidity.TAKER, size, true);
                } else if (buy ? !far.isAbove(o.limitPrice()) : !far.isBelow(o.limitPrice())) {
                    c = w.taker
                            ? tick(w, far, reference, quote.time(), false, Liquidity.TAKER, size, true)
                            : tick(w, o.limitPrice(), o.limitPrice(), quote.time(), false, Liquidity.MAKER, size, true);
                }
            }
            if (c != null) {
                candidates.add(c);
            }
            if (w.immediate()) {
                w.cancelOnFirstMarket = quote.time(); // one chance only
            }
        }
        // each side takes from its own quoted size
        Quantity askCap = cap(quote.askSize(), instrument);
        Quantity bidCap = cap(quote.bidSize(), instrument);
        execute(book, instrument, askCap, bidCap, listener);
        cancelImmediateLeftovers(book, listener);
    }

    private static Candidate tick(
            Working w,
            Price price,
            Price reference,
            Instant time,
            boolean slips,
            Liquidity liquidity,
            Quantity volume,
            boolean onQuote) {
        return new Candidate(w, -1, null, price, reference, time, slips, liquidity, volume, onQuote);
    }

    /** The stop is triggered now; the report goes out in the order executions are handed out. */
    private static void trigger(Working w, Price price, Instant time) {
        w.triggered = true;
        w.pendingTrigger = price;
        w.pendingTriggerTime = time;
    }

    /** The most the desk may take from {@code volume}, on the lot grid; null for no cap. */
    private Quantity cap(Quantity volume, Instrument instrument) {
        if (config.participation() == null || volume == null) {
            return null;
        }
        BigDecimal allowed = volume.toBigDecimal().multiply(config.participation());
        return instrument.roundDownToLot(Quantity.of(allowed.setScale(instrument.quantityScale(), RoundingMode.DOWN)));
    }

    /**
     * Fills the candidates in order, within the volume caps ({@code buyCap} for both sides when {@code sellCap} is
     * null; null caps are unlimited).
     */
    private void execute(
            Book book, Instrument instrument, Quantity buyCap, Quantity sellCap, ExecutionReportListener listener) {
        boolean shared = sellCap == null;
        Quantity buyLeft = buyCap;
        Quantity sellLeft = shared ? null : sellCap;
        for (int i = 0; i < candidates.size(); i++) {
            Candidate c = candidates.get(i);
            Working w = c.order;
            reportTrigger(w, listener);
            boolean buy = w.request.side() == Side.BUY;
            Quantity left = shared || buy ? buyLeft : sellLeft;
            Quantity leaves = w.leaves();
            Quantity quantity = left == null ? leaves : Quantity.min(leaves, left);
            if (w.request.timeInForce() == TimeInForce.FOK && quantity.compareTo(leaves) < 0) {
                remove(w);
                listener.canceled(
                        w.id,
                        c.time,
                        "FOK: only " + quantity + " of " + leaves + " could fill at the first market data; killed");
                continue;
            }
            if (!quantity.isPositive()) {
                continue; // no volume left for it here: it waits (an IOC is canceled below)
            }
            if (w.request.reduceOnly()) {
                Quantity position = listener.account().position(instrument.id());
                Quantity trimmed = Quantity.min(quantity, position.abs());
                if (!PositionChange.of(position, w.request.side().signed(trimmed))
                        .reducesTowardZero()) {
                    remove(w);
                    listener.canceled(w.id, c.time, "reduce-only: the position is already closed");
                    continue;
                }
                quantity = trimmed;
            }
            Price price = c.slips ? slipped(c.price, buy, instrument, quantity, c.volume, book, c.onQuote) : c.price;
            Price slippage = buy ? price.minus(c.reference) : c.reference.minus(price);
            if (slippage.units() < 0) {
                slippage = new Price(0, slippage.scale());
            }
            Money fee = config.fees().fee(instrument, quantity, price, c.liquidity);
            String unaffordable = unaffordable(listener.account(), instrument, buy, quantity, price, fee);
            if (unaffordable != null) {
                remove(w);
                listener.canceled(w.id, c.time, unaffordable);
                continue;
            }
            if (left != null) {
                if (shared || buy) {
                    buyLeft = buyLeft.minus(quantity);
                } else {
                    sellLeft = sellLeft.minus(quantity);
                }
            }
            w.filled = w.filled.plus(quantity);
            if (!w.leaves().isPositive()) {
                remove(w);
            }
            listener.filled(w.id, c.time, "F-" + (++fillCounter), quantity, price, slippage, fee, c.liquidity);
        }
        candidates.clear();
    }

    /**
     * Why a cash account cannot pay for this execution, or null: a buy's notional (a future's: none) and fee in its
     * quote currency, or the base currency an FX pair's sale delivers. A margin account borrows.
     */
    private static String unaffordable(
            PortfolioView account, Instrument instrument, boolean buy, Quantity quantity, Price price, Money fee) {
        if (account.accountType() != AccountType.CASH) {
            return null;
        }
        if (!buy) {
            if (instrument.settlement() != Settlement.CURRENCY_EXCHANGE) {
                return null;
            }
            Money deliver = instrument.baseDelivered(quantity);
            Money has = account.cash(instrument.baseCurrency());
            return deliver.compareTo(has) > 0
                    ? "insufficient " + instrument.baseCurrency() + " at execution: selling " + quantity + " "
                            + instrument.id() + " delivers " + deliver.amount() + " > balance " + has.amount()
                    : null;
        }
        Money notional = instrument.cashToBuy(price, quantity);
        Money cost = notional.plus(fee);
        Money cash = account.cash(instrument.currency());
        return cost.compareTo(cash) > 0
                ? "insufficient cash at execution: buying " + quantity + " at " + price + " costs " + cost.amount()
                        + " (fee " + fee.amount() + ") > cash " + cash.amount()
                : null;
    }

    private static void reportTrigger(Working w, ExecutionReportListener listener) {
        if (w.pendingTrigger != null) {
            listener.triggered(w.id, w.pendingTriggerTime, w.pendingTrigger);
            w.pendingTrigger = null;
        }
    }

    /**
     * Triggers not yet reported (a stop-limit that did not fill), then IOC and FOK orders that met their first
     * market data: what is left of them is canceled.
     */
    private void cancelImmediateLeftovers(Book book, ExecutionReportListener listener) {
        List<Working> orders = book.orders;
        for (int i = 0; i < orders.size(); i++) {
            reportTrigger(orders.get(i), listener);
        }
        for (int i = 0; i < orders.size(); i++) {
            Working w = orders.get(i);
            if (w.cancelOnFirstMarket != null) {
                Instant when = w.cancelOnFirstMarket;
                remove(w);
                i--;
                listener.canceled(
                        w.id,
                        when,
                        w.request.timeInForce() + ": " + w.leaves() + " not filled at the first market data, canceled");
            }
        }
    }

    /**
     * {@code reference} moved against the trader by the slippage model, rounded to the tick against the trader.
     * {@code onQuote}: the price already crossed the quoted spread.
     */
    private Price slipped(
            Price reference,
            boolean buy,
            Instrument instrument,
            Quantity quantity,
            Quantity volume,
            Book book,
            boolean onQuote) {
        BigDecimal extra = BigDecimal.ZERO;
        SlippageModel model = config.slippage();
        if (model instanceof SlippageModel.FixedBps f) {
            extra = reference.toBigDecimal().multiply(f.bps()).movePointLeft(4);
        } else if (model instanceof SlippageModel.Spread sp && !onQuote) {
            BigDecimal spread = book.lastQuoteSpread != null
                    ? book.lastQuoteSpread
                    : reference.toBigDecimal().multiply(sp.defaultSpreadBps()).movePointLeft(4);
            extra = spread.divide(BigDecimal.valueOf(2));
        } else if (model instanceof SlippageModel.SquareRoot r && volume != null && volume.isPositive()) {
            double share = quantity.toBigDecimal().doubleValue()
                    / volume.toBigDecimal().doubleValue();
            extra = reference.toBigDecimal().multiply(r.coefficient()).multiply(new BigDecimal(Math.sqrt(share), MC));
        }
        if (extra.signum() == 0) {
            return reference;
        }
        BigDecimal raw = buy
                ? reference.toBigDecimal().add(extra)
                : reference.toBigDecimal().subtract(extra);
        BigDecimal tick = instrument.tickSize().toBigDecimal();
        BigDecimal ticks = raw.divide(tick, 0, buy ? RoundingMode.CEILING : RoundingMode.FLOOR);
        if (ticks.signum() <= 0) {
            ticks = BigDecimal.ONE; // a sell cannot slip below one tick
        }
        return Price.of(ticks.multiply(tick).setScale(instrument.priceScale(), RoundingMode.UNNECESSARY));
    }

    @Override
    public Money estimateFee(Instrument instrument, Quantity quantity, Price price) {
        return config.fees().fee(instrument, quantity, price, Liquidity.TAKER);
    }

    // ---------------------------------------------------------------- state

    /** A point of a bar's path: the open (segment −1) or a price on segment k (from point k to k + 1). */
    record Position(int segment, Price price) {}

    /** An execution found on one piece of market data, before the volume is handed out. */
    private record Candidate(
            Working order,
            int segment,
            Price progress,
            Price price,
            Price reference,
            Instant time,
            boolean slips,
            Liquidity liquidity,
            Quantity volume,
            boolean onQuote) {
        /** by where the path reaches it (segment, then distance along it), then by time priority */
        static final Comparator<Candidate> ORDER = (a, b) -> {
            if (a.segment != b.segment) {
                return Integer.compare(a.segment, b.segment);
            }
            if (a.segment >= 0) {
                int byProgress = a.progress.compareTo(b.progress);
                if (byProgress != 0) {
                    return byProgress;
                }
            }
            return Long.compare(a.order.priority, b.order.priority);
        };
    }

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
            Price newLimit,
            Price newTrigger) {}

    /** The last known market of one instrument, and the orders working in it in time priority. */
    private static final class Book {
        final List<Working> orders = new ArrayList<>();
        /** the level-2 book, when the data is book updates */
        OrderBook levels;

        Price last;
        Price bid;
        Price ask;
        boolean quoted;
        boolean bidLive;
        boolean askLive;
        BigDecimal lastQuoteSpread;

        void learn(MarketData data) {
            if (data instanceof QuoteBar qb) {
                data = qb.closingQuote();
            }
            if (data instanceof Bar b) {
                last = b.close();
            } else if (data instanceof Trade t) {
                last = t.price();
            } else if (data instanceof Quote q) {
                quoted = true;
                bid = q.bid();
                ask = q.ask();
                bidLive = q.hasBid();
                askLive = q.hasAsk();
                if (bid != null && ask != null) {
                    lastQuoteSpread = ask.toBigDecimal().subtract(bid.toBigDecimal());
                }
            }
        }

        boolean canTake(Side side) {
            return side == Side.BUY ? askLive : bidLive;
        }

        /** Whether a limit at {@code limit} would trade at once against the last known market. */
        boolean marketable(Side side, Price limit) {
            if (limit == null) {
                return true;
            }
            Price far = quoted ? (side == Side.BUY ? (askLive ? ask : null) : (bidLive ? bid : null)) : last;
            if (far == null) {
                return false;
            }
            return side == Side.BUY ? !far.isAbove(limit) : !far.isBelow(limit);
        }

        String describe() {
            return quoted ? "bid " + bid + ", ask " + ask : "last " + last;
        }
    }

    private static final class Working {
        final OrderId id;
        OrderRequest request;
        Instant arrival;
        /** when a replace moved it to the back of the queue, it also waits for data after the replace */
        Instant eligibleFrom;

        Instant expiry;
        Instant lastArrival;
        long priority;
        boolean live;
        boolean triggered;
        /** whether it crossed the market when it arrived (or triggered): its fills take liquidity */
        boolean taker;

        Quantity filled;
        Price pendingTrigger;
        Instant pendingTriggerTime;
        /** an IOC or FOK order that met its first market data: canceled once that data is processed */
        Instant cancelOnFirstMarket;

        Working(OrderId id, OrderRequest request) {
            this.id = id;
            this.request = request;
        }

        Instant eligibleFrom() {
            return eligibleFrom != null ? eligibleFrom : arrival;
        }

        boolean immediate() {
            TimeInForce tif = request.timeInForce();
            return tif == TimeInForce.IOC || tif == TimeInForce.FOK;
        }

        Quantity leaves() {
            return request.quantity().minus(filled);
        }
    }
}
