package io.eventdesk.adapters.marketdata;

import io.eventdesk.domain.market.MarketData;
import io.eventdesk.domain.port.MarketDataFeedPort;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.stream.Collectors;

/**
 * A k-way merge of several readers by known time; ties go to the reader listed first, and within a reader the file's
 * order is kept, so identical input always gives an identical stream. Holds one record per reader, and reads the
 * next one only when asked, so a bad row surfaces only after every record before it was delivered.
 */
final class MergedFeed implements MarketDataFeedPort {
    private final List<RecordReader> readers;
    private final PriorityQueue<Head> heads = new PriorityQueue<>();
    private boolean started;
    /** The reader whose bar was handed out last: read from again only when the next bar is asked for. */
    private int drained = -1;

    MergedFeed(List<RecordReader> readers) {
        this.readers = List.copyOf(readers);
    }

    private void start() {
        if (drained >= 0) {
            int index = drained;
            drained = -1;
            refill(index);
        }
        if (!started) {
            started = true;
            for (int i = 0; i < readers.size(); i++) {
                refill(i);
            }
        }
    }

    private void refill(int index) {
        RecordReader r = readers.get(index);
        if (r.hasNext()) {
            heads.add(new Head(r.next(), index));
        }
    }

    @Override
    public boolean hasNext() {
        start();
        return !heads.isEmpty();
    }

    @Override
    public MarketData next() {
        start();
        Head head = heads.poll();
        if (head == null) {
            throw new NoSuchElementException("the feed is exhausted");
        }
        drained = head.reader;
        return head.bar;
    }

    @Override
    public String description() {
        return readers.stream().map(RecordReader::file).collect(Collectors.joining(", "));
    }

    @Override
    public void close() {
        RuntimeException first = null;
        for (RecordReader r : readers) {
            try {
                r.close();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private record Head(MarketData bar, int reader) implements Comparable<Head> {
        @Override
        public int compareTo(Head o) {
            int c = bar.knownTime().compareTo(o.bar.knownTime());
            return c != 0 ? c : Integer.compare(reader, o.reader);
        }
    }
}
