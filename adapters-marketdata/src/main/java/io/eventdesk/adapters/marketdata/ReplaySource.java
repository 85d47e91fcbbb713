package io.eventdesk.adapters.marketdata;

import io.eventdesk.domain.market.MarketData;
import io.eventdesk.domain.port.ClockPort;
import io.eventdesk.domain.port.LiveMarketDataPort;
import io.eventdesk.domain.port.MarketDataFeedPort;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A historical feed played back on the wall clock at {@code speed} times real time, as a live source: each piece of
 * market data is delivered when the replay's clock reaches the time it becomes known. The replay's clock
 * ({@link #clock()}) maps the wall clock onto the data's time — the data's first open plus the wall time since the
 * start, times the speed — and is the clock a service fed by this source stamps its inputs with.
 */
final class ReplaySource implements LiveMarketDataPort {
    private final MarketDataFeedPort feed;
    private final double speed;
    private final Clock wall;
    private final ReplayClock clock = new ReplayClock();
    private volatile Thread thread;
    private volatile boolean closed;
    private volatile boolean connected;
    private volatile long delivered;
    private volatile Instant lastDelivered;
    private volatile String problem;
    private MarketData first;

    ReplaySource(MarketDataFeedPort feed, double speed, Clock wall) {
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("replay speed must be positive, got " + speed);
        }
        this.feed = feed;
        this.speed = speed;
        this.wall = wall;
        this.first = feed.hasNext() ? feed.next() : null;
        Instant dataStart = first == null ? wall.instant() : first.openTime();
        clock.begin(dataStart, wall.instant());
    }

    /** The replay's clock: the data's time as the wall clock plays it back. */
    ClockPort clock() {
        return clock;
    }

    private final class ReplayClock implements ClockPort {
        private volatile Instant dataStart;
        private volatile Instant wallStart;

        void begin(Instant data, Instant wallAt) {
            this.dataStart = data;
            this.wallStart = wallAt;
        }

        @Override
        public Instant now() {
            long elapsedNanos = Duration.between(wallStart, wall.instant()).toNanos();
            return dataStart.plusNanos((long) (elapsedNanos * speed));
        }

        /** How long on the wall clock until the replay's clock reaches {@code t}. */
        long wallNanosUntil(Instant t) {
            long dataNanos = Duration.between(now(), t).toNanos();
            return dataNanos <= 0 ? 0 : (long) (dataNanos / speed);
        }
    }

    @Override
    public void start(Listener listener) {
        clock.begin(clock.dataStart, wall.instant());
        Thread t = new Thread(() -> run(listener), "eventdesk-replay");
        t.setDaemon(true);
        thread = t;
        connected = true;
        t.start();
    }

    private void run(Listener listener) {
        RuntimeException failure = null;
        try {
            MarketData next = first;
            first = null;
            while (!closed && next != null) {
                long wait;
                while (!closed && (wait = clock.wallNanosUntil(next.knownTime())) > 0) {
                    Thread.sleep(Math.min(wait / 1_000_000, 200), (int) Math.min(wait % 1_000_000, 999_999));
                }
                if (closed) {
                    break;
                }
                listener.onMarketData(next);
                delivered++;
                lastDelivered = wall.instant();
                next = feed.hasNext() ? feed.next() : null;
            }
            if (!closed) {
                problem = "the replay reached the end of its data";
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failure = e;
            problem = e.getMessage();
        } finally {
            connected = false;
            feed.close();
        }
        if (!closed) {
            listener.onEnd(failure);
        }
    }

    @Override
    public Status status() {
        return new Status(
                "replay of " + feed.description() + " at x" + speed, connected, delivered, lastDelivered, problem);
    }

    @Override
    public void close() {
        closed = true;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
            try {
                t.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } else {
            feed.close();
        }
    }
}
