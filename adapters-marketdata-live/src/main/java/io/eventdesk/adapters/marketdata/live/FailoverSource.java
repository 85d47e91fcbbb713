package io.eventdesk.adapters.marketdata.live;

import io.eventdesk.domain.market.MarketData;
import io.eventdesk.domain.port.LiveMarketDataPort;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A primary and a secondary source (another endpoint, or the other exchange), both connected: the primary's data is
 * delivered while it flows; when it is silent beyond {@code maxSilence} (or broken) and the secondary flows, the
 * secondary's is delivered instead; once the primary has flowed again for {@code maxSilence}, back to it. Each switch
 * is told to the listener ({@link Listener#onSwitch}), which journals it, and counted in the status.
 */
final class FailoverSource implements LiveMarketDataPort {
    private static final Logger LOG = LoggerFactory.getLogger(FailoverSource.class);

    private final LiveMarketDataPort primary;
    private final LiveMarketDataPort secondary;
    private final Duration maxSilence;
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong switches = new AtomicLong();
    private volatile boolean onSecondary;
    private volatile boolean closed;
    private final Object deliveryLock = new Object();
    private volatile long primaryLast;
    private volatile long secondaryLast;
    /** when the primary began flowing again after a silence (0: not flowing) */
    private volatile long primaryBack;

    private volatile Instant lastDelivered;
    private volatile String problem;
    private volatile Listener out;
    private Thread watcher;

    FailoverSource(LiveMarketDataPort primary, LiveMarketDataPort secondary, Duration maxSilence) {
        this.primary = primary;
        this.secondary = secondary;
        this.maxSilence = maxSilence;
    }

    @Override
    public void start(Listener listener) {
        this.out = listener;
        long now = System.nanoTime();
        primaryLast = now;
        secondaryLast = now;
        primary.start(new Tap(true));
        secondary.start(new Tap(false));
        Thread t = new Thread(this::watch, "eventdesk-failover");
        t.setDaemon(true);
        watcher = t;
        t.start();
    }

    private void watch() {
        while (!closed) {
            long now = System.nanoTime();
            long silence = maxSilence.toNanos();
            if (!onSecondary && now - primaryLast > silence && now - secondaryLast <= silence) {
                switchTo(
                        true,
                        "the primary " + primary.status().source() + " is silent for "
                                + Duration.ofNanos(now - primaryLast).toMillis() + " ms (max " + maxSilence.toMillis()
                                + " ms)");
            } else if (onSecondary
                    && primaryBack != 0
                    && now - primaryBack >= silence
                    && now - primaryLast <= silence) {
                switchTo(false, "the primary " + primary.status().source() + " flows again");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private synchronized void switchTo(boolean secondaryNow, String why) {
        if (onSecondary == secondaryNow) {
            return;
        }
        String from = (onSecondary ? secondary : primary).status().source();
        String to = (secondaryNow ? secondary : primary).status().source();
        onSecondary = secondaryNow;
        switches.incrementAndGet();
        problem = "switched to " + (secondaryNow ? "the secondary" : "the primary") + ": " + why;
        LOG.warn("market data: {}", problem);
        out.onSwitch(from, to, why);
    }

    @Override
    public Status status() {
        Status active = (onSecondary ? secondary : primary).status();
        Map<String, Long> c = new LinkedHashMap<>();
        c.put("switches", switches.get());
        c.put("on_secondary", onSecondary ? 1L : 0L);
        active.counters().forEach((k, v) -> c.put("active_" + k, v));
        return new Status(
                "failover (active: " + active.source() + "; primary "
                        + primary.status().source() + ", secondary "
                        + secondary.status().source() + ")",
                active.connected(),
                delivered.get(),
                lastDelivered,
                problem != null ? problem : active.problem(),
                c);
    }

    @Override
    public void close() {
        synchronized (deliveryLock) {
            closed = true;
        }
        if (watcher != null) {
            watcher.interrupt();
        }
        primary.close();
        secondary.close();
    }

    /** Where one side delivers: its time is noted, its data passed on while it is the active side. */
    private final class Tap implements Listener {
        private final boolean isPrimary;

        Tap(boolean isPrimary) {
            this.isPrimary = isPrimary;
        }

        @Override
        public void onMarketData(MarketData data) {
            long now = System.nanoTime();
            if (isPrimary) {
                if (now - primaryLast > maxSilence.toNanos()) {
                    primaryBack = now; // flowing again after a silence
                } else if (primaryBack == 0) {
                    primaryBack = now;
                }
                primaryLast = now;
            } else {
                secondaryLast = now;
            }
            synchronized (deliveryLock) {
                if (!closed && isPrimary != onSecondary) {
                    out.onMarketData(data);
                    delivered.incrementAndGet();
                    lastDelivered = Instant.now();
                }
            }
        }

        @Override
        public void onEnd(RuntimeException failure) {
            problem = (isPrimary ? "the primary" : "the secondary") + " ended"
                    + (failure == null ? "" : ": " + failure.getMessage());
        }
    }
}
