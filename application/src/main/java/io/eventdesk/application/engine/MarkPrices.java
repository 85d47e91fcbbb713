package io.eventdesk.application.engine;

import io.eventdesk.domain.instrument.InstrumentId;
import io.eventdesk.domain.market.Bar;
import io.eventdesk.domain.market.BookUpdate;
import io.eventdesk.domain.market.MarketData;
import io.eventdesk.domain.market.OrderBook;
import io.eventdesk.domain.market.Quote;
import io.eventdesk.domain.market.QuoteBar;
import io.eventdesk.domain.market.Trade;
import io.eventdesk.domain.portfolio.PortfolioView;
import io.eventdesk.domain.value.Price;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;

/**
 * The price each piece of market data marks its instrument at: a bar's close, a trade's price, a quote's mid
 * rounded half-even to the tick (its only side when one is empty), a quote bar's closing mid, the top of the
 * level-2 book rebuilt from book updates. The engine and the portfolio rebuild use the same rules.
 */
final class MarkPrices {
    private final PortfolioView portfolio;
    private final Map<InstrumentId, OrderBook> books = new HashMap<>();

    MarkPrices(PortfolioView portfolio) {
        this.portfolio = portfolio;
    }

    /** The mark {@code data} gives, or null (a book with both sides empty). */
    Price of(MarketData data) {
        if (data instanceof Bar bar) {
            return bar.close();
        }
        if (data instanceof Trade trade) {
            return trade.price();
        }
        if (data instanceof Quote quote) {
            return quote(quote);
        }
        if (data instanceof QuoteBar quoteBar) {
            return quote(quoteBar.closingQuote());
        }
        BookUpdate update = (BookUpdate) data;
        OrderBook book = books.computeIfAbsent(update.instrument(), OrderBook::new);
        book.apply(update);
        Quote top = book.top(update.time());
        return top == null ? null : quote(top);
    }

    private Price quote(Quote quote) {
        Price mid = quote.mid();
        if (mid == null) {
            return quote.bid() == null ? quote.ask() : quote.bid();
        }
        return portfolio.instrument(quote.instrument()).roundToTick(mid, RoundingMode.HALF_EVEN);
    }
}
