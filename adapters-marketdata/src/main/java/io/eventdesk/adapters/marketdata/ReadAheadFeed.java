package io.eventdesk.adapters.marketdata;

import io.eventdesk.domain.market.MarketData;
import io.eventdesk.domain.port.MarketDataFeedPort;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads a feed ahead on its own thread into a bounded buffer of batches, so that parsing overlaps the engine. The
 * order is the underlying feed's; an error while reading is raised to the consumer at the place in the stream where
 * it happened, after every record before it. Memory is bounded by {@code capacity} batches of {@code batch}
 * records.
 */
final class ReadAheadFeed implements MarketDataFeedPort {
    /** a batch that ends the stream, carrying the error that ended it, if any */
    private record End(RuntimeException error) {}

    private final MarketDataFeedPort source;
    private final String description;
    private final BlockingQueue<Object> queue;
    private final int batch;
    private final Thread reader;
    private MarketData[] current;
    private int position;
    private int length;
    private End end;
    private volatile boolean closed;

    ReadAheadFeed(MarketDataFeedPort source, int batch, int capacity) {
        this.source = source;
        this.description = source.description();
        this.batch = batch;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.reader = new Thread(this::readAhead, "eventdesk-read-ahead");
        this.reader.setDaemon(true);
        this.reader.start();
    }

    private void readAhead() {
        MarketData[] chunk = new MarketData[batch];
        int n = 0;
        try {
            while (!closed && source.hasNext()) {
                chunk[n++] = source.next();
                if (n == batch) {
                    queue.put(chunk);
                    chunk = new MarketData[batch];
                    n = 0;
                }
            }
            flush(chunk, n);
            queue.put(new End(null));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // closed while waiting for room: nobody reads any more
        } catch (RuntimeException | Error t) {
            RuntimeException e = t instanceof RuntimeException r
                    ? r
                    : new IllegalStateException("reading market data failed: " + t, t);
            try {
                flush(chunk, n); // every record before the error is delivered first
                queue.put(new End(e));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void flush(MarketData[] chunk, int n) throws InterruptedException {
        if (n > 0) {
            queue.put(java.util.Arrays.copyOf(chunk, n));
        }
    }

    @Override
    public boolean hasNext() {
        if (position < length) {
            return true;
        }
        if (end != null) {
            return raise();
        }
        Object next;
        try {
            next = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for market data", e);
        }
        if (next instanceof End e) {
            end = e;
            return raise();
        }
        current = (MarketData[]) next;
        position = 0;
        length = current.length;
        return true;
    }

    private boolean raise() {
        if (end.error() != null) {
            RuntimeException e = end.error();
            end = new End(null); // raised once
            throw e;
        }
        return false;
    }

    @Override
    public MarketData next() {
        if (!hasNext()) {
            throw new NoSuchElementException("the feed is exhausted");
        }
        MarketData d = current[position];
        current[position++] = null;
        return d;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public void close() {
        closed = true;
        reader.interrupt();
        try {
            reader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            source.close();
        }
    }
}
