package io.eventdesk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventdesk.domain.market.MarketData;
import io.eventdesk.domain.port.LiveMarketDataPort;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link LiveMarketDataPort} adapter must do — an exchange stream, a replay, a source of your own. A
 * source author extends this class and returns, on each call, a new source not yet started that will deliver at
 * least {@link #atLeast()} pieces of market data within {@link #within()} once started (against a local server, a
 * file…) and keeps going or ends.
 *
 * <p>The rules: before start it is not connected and has delivered nothing; once started it delivers on a thread of
 * its own, each instrument's data of one kind in non-decreasing known time (a live exchange's channels may
 * interleave); its status counts what it delivered and when, names its source, and says connected while it
 * delivers; closing stops delivery, and closing twice is quiet.
 */
public abstract class LiveMarketDataContract {
    /** A new source, not started. */
    protected abstract LiveMarketDataPort newSource();

    /** How many pieces the source delivers at least once started. */
    protected int atLeast() {
        return 3;
    }

    /** How long it may take to deliver them. */
    protected Duration within() {
        return Duration.ofSeconds(10);
    }

    private LiveMarketDataPort source;

    @AfterEach
    void closeSource() {
        if (source != null) {
            source.close();
        }
    }

    private static final class Received implements LiveMarketDataPort.Listener {
        final List<MarketData> data = new CopyOnWriteArrayList<>();
        final List<Thread> threads = new CopyOnWriteArrayList<>();

        @Override
        public void onMarketData(MarketData d) {
            data.add(d);
            threads.add(Thread.currentThread());
        }

        @Override
        public void onEnd(RuntimeException failure) {}
    }

    private Received started() throws InterruptedException {
        source = newSource();
        Received r = new Received();
        source.start(r);
        long deadline = System.nanoTime() + within().toNanos();
        while (r.data.size() < atLeast() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return r;
    }

    @Test
    void shouldBeDisconnectedWithNothingDelivered_whenNotStarted() {
        source = newSource();
        LiveMarketDataPort.Status s = source.status();
        assertThat(s.connected()).as("connected before start").isFalse();
        assertThat(s.delivered()).isZero();
        assertThat(s.lastDelivered()).isNull();
        assertThat(s.source()).as("the source's name").isNotBlank();
    }

    @Test
    void shouldDeliverOnAThreadOfItsOwnInKnownTimeOrderPerInstrumentAndKind_whenStarted() throws Exception {
        Received r = started();
        assertThat(r.data).as("pieces delivered within " + within()).hasSizeGreaterThanOrEqualTo(atLeast());
        assertThat(r.threads).as("delivered on the source's thread").doesNotContain(Thread.currentThread());
        Map<String, Instant> last = new HashMap<>();
        for (MarketData d : r.data) {
            String key = d.instrument() + " " + d.getClass().getSimpleName();
            Instant before = last.put(key, d.knownTime());
            if (before != null) {
                assertThat(d.knownTime())
                        .as("%s known at or after the one before", d)
                        .isAfterOrEqualTo(before);
            }
        }
    }

    @Test
    void shouldCountWhatItDelivered_whenAskedForItsStatus() throws Exception {
        Received r = started();
        LiveMarketDataPort.Status s = source.status();
        assertThat(s.delivered()).isGreaterThanOrEqualTo(r.data.size() > 0 ? 1 : 0);
        assertThat(s.delivered()).isGreaterThanOrEqualTo(atLeast());
        assertThat(s.lastDelivered()).isNotNull();
        assertThat(s.source()).isNotBlank();
    }

    @Test
    void shouldStopDelivering_whenClosedAndBeQuiet_whenClosedTwice() throws Exception {
        Received r = started();
        source.close();
        int after = r.data.size();
        Thread.sleep(300);
        assertThat(r.data).as("nothing delivered after close").hasSize(after);
        source.close();
        assertThat(source.status().connected()).as("connected after close").isFalse();
    }
}
