package io.eventdesk.adapters.marketdata;

import io.eventdesk.domain.error.BadInputException;
import io.eventdesk.domain.instrument.InstrumentId;
import io.eventdesk.domain.market.MarketData;
import io.eventdesk.domain.port.MarketDataFeedPort;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The entry point of the market data adapter. */
public final class MarketDataFeeds {
    /** records per batch handed from the read-ahead thread to the engine */
    static final int READ_AHEAD_BATCH = 1024;
    /** batches the read-ahead buffer holds */
    static final int READ_AHEAD_BATCHES = 16;

    private MarketDataFeeds() {}

    /**
     * One time-ordered feed over several sources of any kind: a k-way merge by the time records become known
     * (a bar at its close, a tick at its time); ties are broken by the order of {@code sources}, then by file order.
     * Files are streamed and read ahead on another thread into a bounded buffer: memory does not grow with their
     * size. What the readers find wrong goes to {@code report}, as each source's validation policy says.
     */
    public static MarketDataFeedPort open(List<DataSource> sources, DataQualityReport report) {
        return open(sources, List.of(), report);
    }

    /**
     * As {@link #open(List, DataQualityReport)}, with feeds of the user's own merged after the files (ties in time:
     * the files first, then {@code feeds} in their order). Each is checked as it is read: every record about its
     * instrument, in non-decreasing known time; a record that breaks either is bad input naming the feed.
     */
    public static MarketDataFeedPort open(List<DataSource> sources, List<OwnFeed> feeds, DataQualityReport report) {
        return new ReadAheadFeed(merged(sources, feeds, report), READ_AHEAD_BATCH, READ_AHEAD_BATCHES);
    }

    /**
     * A feed of the user's own for {@link #open(List, List, DataQualityReport)}.
     *
     * @param name what messages call it (its config key, say)
     */
    public record OwnFeed(MarketDataFeedPort feed, InstrumentId instrument, String name) {}

    /** {@code feed} read ahead on another thread into a bounded buffer (synthetic data, your own feeds). */
    public static MarketDataFeedPort readAhead(MarketDataFeedPort feed) {
        return new ReadAheadFeed(feed, READ_AHEAD_BATCH, READ_AHEAD_BATCHES);
    }

    /** The same feed read on the caller's thread. */
    public static MarketDataFeedPort openInline(List<DataSource> sources, DataQualityReport report) {
        return merged(sources, List.of(), report);
    }

    /** The files and feeds of {@link #open(List, List, DataQualityReport)}, read on the caller's thread. */
    public static MarketDataFeedPort openInline(
            List<DataSource> sources, List<OwnFeed> feeds, DataQualityReport report) {
        return merged(sources, feeds, report);
    }

    private static MarketDataFeedPort merged(List<DataSource> sources, List<OwnFeed> feeds, DataQualityReport report) {
        if (sources.isEmpty() && feeds.isEmpty()) {
            throw new IllegalArgumentException("at least one data source is needed");
        }
        List<RecordReader> readers = new ArrayList<>(sources.size() + feeds.size());
        try {
            for (DataSource source : sources) {
                readers.add(reader(source, report));
            }
        } catch (RuntimeException e) {
            readers.forEach(RecordReader::close);
            feeds.forEach(f -> f.feed().close());
            throw e;
        }
        for (OwnFeed own : feeds) {
            readers.add(new OwnFeedReader(own.feed(), own.instrument(), own.name()));
        }
        return new MergedFeed(readers);
    }

    static RecordReader reader(DataSource source, DataQualityReport report) {
        if (source.kind() == DataKind.QUOTE_BARS) {
            if (source.secondary() != null) {
                throw new BadInputException(
                        source.describe(), 0, "secondary", "failover is not available for quote bars (two files)");
            }
            return new QuoteBarReader(source, report);
        }
        SourceReader primary = single(source, source.path(), report);
        if (source.secondary() == null) {
            return primary;
        }
        try {
            Duration step = primary instanceof BarReader bars ? bars.interval() : source.maxGap();
            if (step == null) {
                throw new BadInputException(
                        source.describe(),
                        0,
                        "secondary",
                        "failover of " + source.kind().configName() + " needs max-gap: the step beyond which the"
                                + " primary has a gap");
            }
            return new FailoverReader(primary, single(source, source.secondary(), report), step);
        } catch (RuntimeException e) {
            primary.close();
            throw e;
        }
    }

    private static SourceReader single(DataSource source, java.nio.file.Path path, DataQualityReport report) {
        return switch (source.kind()) {
            case BARS -> new BarReader(source, path, report);
            case TRADES -> new TradeReader(source, path, report);
            case QUOTES -> new QuoteReader(source, path, report);
            case BOOK -> new BookReader(source, path, report);
            case QUOTE_BARS -> throw new IllegalArgumentException("quote bars have two files");
        };
    }

    /**
     * The skeleton's feed over bar files, strict and read on the caller's thread: bars are merged by the time they
     * become known (their close); ties are broken by the order of {@code sources}, then by file order.
     */
    public static MarketDataFeedPort bars(List<BarSource> sources) {
        return openInline(sources.stream().map(DataSource::of).toList(), new DataQualityReport());
    }

    /**
     * {@code feed} played back on the wall clock at {@code speed} times real time, as a live source; its clock (the
     * data's time as the replay plays it) is {@link Replay#clock()}.
     */
    public static Replay replay(MarketDataFeedPort feed, double speed, java.time.Clock wall) {
        ReplaySource source = new ReplaySource(feed, speed, wall);
        return new Replay(source, source.clock());
    }

    /** A replay: the live source and the clock it plays the data on. */
    public record Replay(
            io.eventdesk.domain.port.LiveMarketDataPort source, io.eventdesk.domain.port.ClockPort clock) {}

    /** The first {@code count} records of {@code feed} (a session's data: the files' records it took). */
    public static MarketDataFeedPort first(MarketDataFeedPort feed, long count) {
        return new MarketDataFeedPort() {
            private long given;

            @Override
            public boolean hasNext() {
                return given < count && feed.hasNext();
            }

            @Override
            public MarketData next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException("the first " + count + " records were given");
                }
                given++;
                return feed.next();
            }

            @Override
            public String description() {
                return "the first " + count + " records of " + feed.description();
            }

            @Override
            public void close() {
                feed.close();
            }
        };
    }

    /**
     * A live session's market data in the order it took it ({@code arrivals.jsonl}), the first {@code count} pieces
     * (all when negative): what the session is resumed and re-run from.
     */
    public static MarketDataFeedPort arrivals(java.nio.file.Path file, long count) {
        return ArrivalLog.feed(file, count);
    }

    /**
     * Writes a live session's market data to {@code file} as it takes it, after keeping only the first {@code keep}
     * lines the file holds (a resumed session goes on after what its journal took).
     */
    public static ArrivalsWriter arrivalsWriter(java.nio.file.Path file, long keep) {
        return new ArrivalLog.Writer(file, keep);
    }

    /** Takes each piece of a live session's market data to its arrival log; closing ends the file. */
    public interface ArrivalsWriter extends java.util.function.Consumer<MarketData>, AutoCloseable {
        @Override
        void close();
    }

    /**
     * A feed over market data already in memory (tests, benchmarks, data produced by another system), which must
     * be in non-decreasing known-time order.
     */
    public static MarketDataFeedPort inMemory(List<? extends MarketData> data, String description) {
        return new InMemoryFeed(data, description);
    }
}
