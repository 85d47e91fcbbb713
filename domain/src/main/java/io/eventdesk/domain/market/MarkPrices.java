package io.eventdesk.domain.market;

import io.eventdesk.domain.instrument.Instrument;
import io.eventdesk.domain.instrument.InstrumentId;
import io.eventdesk.domain.value.Price;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The price each piece of market data marks its instrument at: a bar's close, a trade's price, a quote's mid
 * rounded half-even to the tick (its only side when one is empty), a quote bar's closing mid, the top of the
 * level-2 book rebuilt from book updates. The engine, the portfolio rebuild and the run results use the same rules.
 */
public final class MarkPrices {
    private final Function<InstrumentId, Instrument> instruments;
    private final Map<InstrumentId, OrderBook> books = new HashMap<>();

    /** Marks for the instruments {@code instruments} knows (a quote's mid is rounded to its tick). */
    public MarkPrices(Function<InstrumentId, Instrument> instruments) {
        this.instruments = instruments;
    }

    /** The mark {@code data} gives, or null (a book with both sides empty). */
    public Price of(MarketData data) {
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
        return instruments.apply(quote.instrument()).roundToTick(mid, RoundingMode.HALF_EVEN);
    }
}
