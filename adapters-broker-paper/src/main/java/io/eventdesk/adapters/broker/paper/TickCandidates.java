package io.eventdesk.adapters.broker.paper;

import io.eventdesk.domain.market.Quote;
import io.eventdesk.domain.market.Trade;
import io.eventdesk.domain.order.Liquidity;
import io.eventdesk.domain.order.OrderRequest;
import io.eventdesk.domain.order.OrderType;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import io.eventdesk.domain.value.Side;
import java.util.List;

/**
 * Where each order meets a tick, strictly after its arrival. On a trade: market orders at its price; a resting limit
 * at its own price when the trade goes through it, a marketable one at the trade's price; stops trigger on a trade at
 * or through the trigger. On a quote: buys take the ask, sells the bid; a resting limit fills at its price when the
 * far side reaches it; stops trigger on the far side. (Level-2 books are matched at their top, as quotes.)
 */
final class TickCandidates {
    private TickCandidates() {}

    static void onTrade(Trade trade, List<WorkingOrder> orders, List<Candidate> out) {
        Price p = trade.price();
        for (int i = 0; i < orders.size(); i++) {
            WorkingOrder w = orders.get(i);
            if (!w.eligibleFrom().isBefore(trade.time())) {
                continue; // ticks strictly after the arrival
            }
            OrderRequest o = w.request;
            boolean buy = o.side() == Side.BUY;
            Candidate c = null;
            if (o.type().hasTrigger() && !w.triggered) {
                if (buy ? !p.isBelow(o.triggerPrice()) : !p.isAbove(o.triggerPrice())) {
                    w.trigger(p, trade.time());
                    if (o.type() == OrderType.STOP) {
                        c = Candidate.onTick(w, p, p, trade.time(), true, Liquidity.TAKER, trade.size(), false);
                    } else {
                        w.taker = buy ? !p.isAbove(o.limitPrice()) : !p.isBelow(o.limitPrice());
                        if (w.taker) {
                            c = Candidate.onTick(w, p, p, trade.time(), false, Liquidity.TAKER, trade.size(), false);
                        }
                    }
                }
            } else if (!o.type().hasLimit()) {
                c = Candidate.onTick(w, p, p, trade.time(), true, Liquidity.TAKER, trade.size(), false);
            } else if (w.taker) {
                if (buy ? !p.isAbove(o.limitPrice()) : !p.isBelow(o.limitPrice())) {
                    c = Candidate.onTick(w, p, p, trade.time(), false, Liquidity.TAKER, trade.size(), false);
                }
            } else if (buy ? p.isBelow(o.limitPrice()) : p.isAbove(o.limitPrice())) {
                c = Candidate.onTick(
                        w, o.limitPrice(), o.limitPrice(), trade.time(), false, Liquidity.MAKER, trade.size(), false);
            }
            if (c != null) {
                out.add(c);
            }
            if (w.immediate()) {
                w.cancelOnFirstMarket = trade.time(); // one chance only
            }
        }
    }

    static void onQuote(Quote quote, List<WorkingOrder> orders, List<Candidate> out) {
        Price mid = quote.mid();
        for (int i = 0; i < orders.size(); i++) {
            WorkingOrder w = orders.get(i);
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
                        w.trigger(far, quote.time());
                        if (o.type() == OrderType.STOP) {
                            c = Candidate.onTick(w, far, reference, quote.time(), true, Liquidity.TAKER, size, true);
                        } else {
                            w.taker = buy ? !far.isAbove(o.limitPrice()) : !far.isBelow(o.limitPrice());
                            if (w.taker) {
                                c = Candidate.onTick(
                                        w, far, reference, quote.time(), false, Liquidity.TAKER, size, true);
                            }
                        }
                    }
                } else if (!o.type().hasLimit()) {
                    c = Candidate.onTick(w, far, reference, quote.time(), true, Liquidity.TAKER, size, true);
                } else if (buy ? !far.isAbove(o.limitPrice()) : !far.isBelow(o.limitPrice())) {
                    c = w.taker
                            ? Candidate.onTick(w, far, reference, quote.time(), false, Liquidity.TAKER, size, true)
                            : Candidate.onTick(
                                    w,
                                    o.limitPrice(),
                                    o.limitPrice(),
                                    quote.time(),
                                    false,
                                    Liquidity.MAKER,
                                    size,
                                    true);
                }
            }
            if (c != null) {
                out.add(c);
            }
            if (w.immediate()) {
                w.cancelOnFirstMarket = quote.time(); // one chance only
            }
        }
    }
}
