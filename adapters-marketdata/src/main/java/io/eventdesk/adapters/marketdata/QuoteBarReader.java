package io.eventdesk.adapters.marketdata;

import io.eventdesk.domain.error.BadInputException;
import io.eventdesk.domain.market.Bar;
import io.eventdesk.domain.market.MarketData;
import io.eventdesk.domain.market.QuoteBar;

/**
 * Joins a file of bid bars and a file of ask bars into one stream of {@link QuoteBar}s, bar by bar on their open
 * time. A bar on one side without its partner is a {@link DataProblem#UNMATCHED_QUOTE_BAR}: an error under the
 * strict policy, otherwise dropped and reported; so is a pair whose opening or closing quote is crossed (the bid above
 * the ask), as happens when the two files were sampled separately.
 */
final class QuoteBarReader implements RecordReader {
    private final BarReader bids;
    private final BarReader asks;
    private Bar bid;
    private Bar ask;
    private QuoteBar next;

    QuoteBarReader(DataSource source, DataQualityReport report) {
        this.bids = new BarReader(source, source.path(), report);
        try {
            this.asks = new BarReader(source, source.askPath(), report);
        } catch (RuntimeException e) {
            bids.close();
            throw e;
        }
        if (!bids.interval().equals(asks.interval())) {
            close();
            throw new BadInputException(
                    asks.file(),
                    0,
                    "interval",
                    "ask bars last " + asks.interval() + " but bid bars (" + bids.file() + ") " + bids.interval());
        }
    }

    @Override
    public boolean hasNext() {
        while (next == null) {
            if (bid == null && bids.hasNext()) {
                bid = (Bar) bids.next();
            }
            if (ask == null && asks.hasNext()) {
                ask = (Bar) asks.next();
            }
            if (bid == null && ask == null) {
                return false;
            }
            if (bid != null && ask != null && bid.openTime().equals(ask.openTime())) {
                if (bid.open().isAbove(ask.open()) || bid.close().isAbove(ask.close())) {
                    // the bar's opening or closing quote is crossed: the two files disagree about the market
                    bids.problem(
                            DataProblem.CROSSED_QUOTE,
                            bids.lastLine(),
                            bid.open().isAbove(ask.open()) ? "open" : "close",
                            "bid bar at " + bid.openTime() + " opens/closes at " + bid.open() + "/" + bid.close()
                                    + ", above the ask bar's " + ask.open() + "/" + ask.close() + " (" + asks.file()
                                    + " line " + asks.lastLine() + ")");
                } else {
                    next = new QuoteBar(
                            bid,
                            new Bar(
                                    ask.instrument(),
                                    bid.openTime(),
                                    bid.closeTime(),
                                    ask.open(),
                                    ask.high(),
                                    ask.low(),
                                    ask.close(),
                                    ask.volume()));
                }
                bid = null;
                ask = null;
            } else if (ask == null || bid != null && bid.openTime().isBefore(ask.openTime())) {
                bids.problem(
                        DataProblem.UNMATCHED_QUOTE_BAR,
                        bids.lastLine(),
                        "time",
                        "bid bar at " + bid.openTime() + " has no ask bar in " + asks.file());
                bid = null;
            } else {
                asks.problem(
                        DataProblem.UNMATCHED_QUOTE_BAR,
                        asks.lastLine(),
                        "time",
                        "ask bar at " + ask.openTime() + " has no bid bar in " + bids.file());
                ask = null;
            }
        }
        return true;
    }

    @Override
    public MarketData next() {
        if (!hasNext()) {
            throw new java.util.NoSuchElementException(file() + ": no more quote bars");
        }
        QuoteBar q = next;
        next = null;
        return q;
    }

    @Override
    public String file() {
        return bids.file() + " + " + asks.file();
    }

    @Override
    public void close() {
        try {
            bids.close();
        } finally {
            asks.close();
        }
    }
}
