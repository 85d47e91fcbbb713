package io.eventdesk.bootstrap;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/** Waits, bounded, for something another thread or process does. */
final class Within {
    private Within() {}

    /** Probes every 50 ms until {@code done} holds or {@code bound} passed; the last probe's value either way. */
    static <T> T within(Duration bound, Callable<T> probe, Predicate<T> done) throws Exception {
        long deadline = System.nanoTime() + bound.toNanos();
        T last = probe.call();
        while (!done.test(last) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            last = probe.call();
        }
        return last;
    }
}
