package io.eventdesk.benchmarks;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.eventdesk.domain.market.Bar;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Benchmark 6, peak heap: loads the bars, runs benchmark 1a once, and prints in bytes the heap the input bars
 * retain and the largest live heap seen after any collection during the run, above that input (what the engine
 * itself keeps alive): {@code input=… peak-above-input=…}. A young-only heap never collected is not counted: the
 * probe runs with a small young generation. Run in its own JVM so nothing else is on the heap.
 */
public final class PeakHeapProbe {
    private PeakHeapProbe() {}

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        List<Bar> bars = BenchmarkData.repeated(BenchmarkData.btcBars(), n);
        Backtests.inMemory(bars.subList(0, Math.min(bars.size(), 100_000))); // warm up
        long input = settledHeap();
        AtomicLong peakAfterGc = new AtomicLong();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc)
                    .addNotificationListener(
                            (notification, handback) -> {
                                if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
                                        notification.getType())) {
                                    var info = GarbageCollectionNotificationInfo.from(
                                            (CompositeData) notification.getUserData());
                                    long used = 0;
                                    for (MemoryUsage u : info.getGcInfo()
                                            .getMemoryUsageAfterGc()
                                            .values()) {
                                        used += u.getUsed();
                                    }
                                    peakAfterGc.accumulateAndGet(used, Math::max);
                                }
                            },
                            null,
                            null);
        }
        Backtests.inMemory(bars);
        long end = settledHeap();
        long peak = Math.max(peakAfterGc.get(), end);
        System.out.println(
                "input=" + input + " peak-above-input=" + Math.max(0, peak - input) + " bars=" + bars.size());
    }

    private static long settledHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
