package io.eventdesk.adapters.broker.paper;

import io.eventdesk.domain.market.Bar;
import io.eventdesk.domain.market.MarketData;
import io.eventdesk.domain.market.OrderBook;
import io.eventdesk.domain.market.Quote;
import io.eventdesk.domain.market.QuoteBar;
import io.eventdesk.domain.market.Trade;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Side;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** The last known market of one instrument, and the orders working in it in time priority. */
final class VenueBook {
    final List<WorkingOrder> orders = new ArrayList<>();
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
