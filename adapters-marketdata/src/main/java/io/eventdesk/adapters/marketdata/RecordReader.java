package io.eventdesk.adapters.marketdata;

import io.eventdesk.domain.market.MarketData;

/** A stream of one source's records, in time order. */
interface RecordReader extends AutoCloseable {
    boolean hasNext();

    MarketData next();

    /** The file(s), for messages. */
    String file();

    @Override
    void close();
}
