package io.eventdesk.adapters.broker.paper;

import io.eventdesk.domain.market.Bar;
import io.eventdesk.domain.order.Liquidity;
import io.eventdesk.domain.order.OrderRequest;
import io.eventdesk.domain.order.OrderType;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Side;
import java.util.List;

/**
 * Where each order meets a bar: on its path O→H→L→C or O→L→H→C ({@link BarPath}). MARKET orders at the open; a limit
 * at the open when the bar opens through it, else at its price where the path reaches it; a stop triggers where the
 * path reaches its trigger (a stop-limit then works as a limit from that point on).
 */
final class BarCandidates {
    private final BarPath barPath;

    BarCandidates(BarPath barPath) {
        this.barPath = barPath;
    }

    /** The candidates of the orders of {@code side} (both when null) on {@code bar}, in path order. */
    void collect(Bar bar, List<WorkingOrder> orders, Side side, List<Candidate> out) {
        boolean highFirst = barPath.highFirst(bar);
        Price[] path = {bar.open(), highFirst ? bar.high() : bar.low(), highFirst ? bar.low() : bar.high(), bar.close()
        };
        for (int i = 0; i < orders.size(); i++) {
            WorkingOrder w = orders.get(i);
            if (w.eligibleFrom().isAfter(bar.openTime()) || side != null && w.request.side() != side) {
                continue; // arrived after this bar opened: it may only trade on later bars
            }
            Candidate c = onBar(w, path, bar);
            if (c != null) {
                out.add(c);
            }
            if (w.immediate()) {
                w.cancelOnFirstMarket = bar.openTime(); // one chance only
            }
        }
        out.sort(Candidate.ORDER);
    }

    /** Where on the bar's path {@code w} executes, triggering it on the way if it is a stop; null if it does not. */
    private static Candidate onBar(WorkingOrder w, Price[] path, Bar bar) {
        OrderRequest o = w.request;
        boolean buy = o.side() == Side.BUY;
        boolean immediate = w.immediate();
        PathPoint at;
        if (o.type().hasTrigger() && !w.triggered) {
            PathPoint trigger = reach(path, -1, path[0], o.triggerPrice(), buy);
            if (trigger == null) {
                return null;
            }
            w.trigger(trigger.price(), trigger.segment() < 0 ? bar.openTime() : bar.closeTime());
            if (o.type() == OrderType.STOP) {
                return Candidate.onPath(w, trigger, trigger.price(), path, bar, true, Liquidity.TAKER);
            }
            boolean marketable = buy
                    ? !trigger.price().isAbove(o.limitPrice())
                    : !trigger.price().isBelow(o.limitPrice());
            w.taker = marketable;
            if (marketable) {
                return Candidate.onPath(w, trigger, trigger.price(), path, bar, false, Liquidity.TAKER);
            }
            at = reach(path, trigger.segment(), trigger.price(), o.limitPrice(), !buy);
            return at == null ? null : Candidate.onPath(w, at, o.limitPrice(), path, bar, false, Liquidity.MAKER);
        }
        if (!o.type().hasLimit()) { // MARKET, or a triggered STOP
            return Candidate.onPath(w, new PathPoint(-1, path[0]), path[0], path, bar, true, Liquidity.TAKER);
        }
        at = reach(path, -1, path[0], o.limitPrice(), !buy);
        if (at == null || immediate && at.segment() >= 0) {
            return null; // IOC and FOK meet only the open
        }
        Price price = at.segment() < 0 ? path[0] : o.limitPrice();
        return Candidate.onPath(w, at, price, path, bar, false, w.taker ? Liquidity.TAKER : Liquidity.MAKER);
    }

    /**
     * The first point of the path, from {@code fromPrice} on segment {@code fromSegment} (−1: the open), where the
     * price is at or above {@code level} ({@code up}) or at or below it; null if the path never gets there. The path
     * is continuous, so a crossing inside a segment happens exactly at the level.
     */
    static PathPoint reach(Price[] path, int fromSegment, Price fromPrice, Price level, boolean up) {
        if (up ? !fromPrice.isBelow(level) : !fromPrice.isAbove(level)) {
            return new PathPoint(fromSegment, fromPrice);
        }
        for (int k = Math.max(fromSegment, 0); k < path.length - 1; k++) {
            Price end = path[k + 1];
            if (up ? !end.isBelow(level) : !end.isAbove(level)) {
                return new PathPoint(k, level);
            }
        }
        return null;
    }
}
