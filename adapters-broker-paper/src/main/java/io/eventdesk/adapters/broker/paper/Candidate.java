package io.eventdesk.adapters.broker.paper;

import io.eventdesk.domain.market.Bar;
import io.eventdesk.domain.order.Liquidity;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import java.time.Instant;
import java.util.Comparator;

/** An execution found on one piece of market data, before the volume is handed out. */
record Candidate(
        WorkingOrder order,
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

    /** An execution at a point of a bar's path. */
    static Candidate onPath(
            WorkingOrder w, PathPoint at, Price price, Price[] path, Bar bar, boolean slips, Liquidity liquidity) {
        Instant time = at.segment() < 0 ? bar.openTime() : bar.closeTime();
        // how far along its segment the point lies: it decides who the path reaches first
        Price progress =
                at.segment() < 0 ? null : at.price().minus(path[at.segment()]).abs();
        return new Candidate(w, at.segment(), progress, price, price, time, slips, liquidity, bar.volume(), false);
    }

    /** An execution on a tick (a trade or a quote). */
    static Candidate onTick(
            WorkingOrder w,
            Price price,
            Price reference,
            Instant time,
            boolean slips,
            Liquidity liquidity,
            Quantity volume,
            boolean onQuote) {
        return new Candidate(w, -1, null, price, reference, time, slips, liquidity, volume, onQuote);
    }
}
