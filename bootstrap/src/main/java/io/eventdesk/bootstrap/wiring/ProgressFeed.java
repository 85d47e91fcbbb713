package io.eventdesk.bootstrap.wiring;

import io.eventdesk.domain.market.MarketData;
import io.eventdesk.domain.port.MarketDataFeedPort;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows a run's progress on a terminal: a feed that counts the market events it hands out and, once the run has
 * taken two seconds, draws a progress bar (events processed, of the total when it is known, rate, elapsed, ETA).
 * The bar lives in the CLI, where wall-clock time may be read; the engine never sees it.
 */
public final class ProgressFeed implements MarketDataFeedPort {
    private static final long DELAY_NANOS = 2_000_000_000L;

    private final MarketDataFeedPort feed;
    private final String task;
    private final long total;
    private final long start = System.nanoTime();
    private ProgressBar bar;
    private long count;

    /** {@code feed} with a progress bar when asked for and the output is a terminal, else {@code feed} itself. */
    public static MarketDataFeedPort of(MarketDataFeedPort feed, String task, boolean wanted) {
        return wanted && System.console() != null ? new ProgressFeed(feed, task, -1) : feed;
    }

    /** @param total the events expected, or -1 when unknown */
    ProgressFeed(MarketDataFeedPort feed, String task, long total) {
        this.feed = feed;
        this.task = task;
        this.total = total;
    }

    @Override
    public boolean hasNext() {
        return feed.hasNext();
    }

    @Override
    public MarketData next() {
        MarketData d = feed.next();
        if ((++count & 4095) == 0) {
            if (bar == null && System.nanoTime() - start > DELAY_NANOS) {
                bar = new ProgressBarBuilder()
                        .setTaskName(task)
                        .setInitialMax(total)
                        .setStyle(ProgressBarStyle.ASCII)
                        .setUnit(" events", 1)
                        .showSpeed()
                        .setUpdateIntervalMillis(250)
                        .startsFrom(0, java.time.Duration.ofNanos(System.nanoTime() - start))
                        .continuousUpdate()
                        .build();
            }
            if (bar != null) {
                bar.stepTo(count);
            }
        }
        return d;
    }

    @Override
    public String description() {
        return feed.description();
    }

    @Override
    public void close() {
        try {
            feed.close();
        } finally {
            if (bar != null) {
                bar.stepTo(count);
                bar.close();
            }
        }
    }
}
