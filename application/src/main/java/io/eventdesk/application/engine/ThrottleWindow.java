package io.eventdesk.application.engine;

import io.eventdesk.domain.instrument.InstrumentId;
import io.eventdesk.domain.risk.RiskLimits;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The submission times of each strategy within its throttle interval, kept only where a throttle applies: what the
 * throttle rule counts. The throttle is the one the risk engine applies to the strategy and instrument. A desk whose
 * state is shared counts the orders its other processes submitted too; theirs arrive late and out of order, so the
 * times are kept sorted.
 */
final class ThrottleWindow {
    private final RiskLimits limits;
    private final Map<String, Times> submissions = new HashMap<>();

    ThrottleWindow(RiskLimits limits) {
        this.limits = limits;
    }

    /** How many orders {@code strategyId} submitted within the throttle interval before {@code now}. */
    int recentOrders(String strategyId, InstrumentId instrument, Instant now) {
        var throttle = limits.applicableTo(strategyId, instrument).throttle();
        if (throttle.isEmpty()) {
            return 0;
        }
        Times times = submissions.get(strategyId);
        if (times == null) {
            return 0;
        }
        Instant windowStart = now.minus(throttle.get().per());
        while (!times.at.isEmpty() && !times.at.firstKey().isAfter(windowStart)) {
            times.count -= times.at.pollFirstEntry().getValue();
        }
        return times.count;
    }

    /** Counts an order {@code strategyId} submitted at {@code time} (in this process or another). */
    void recordSubmission(String strategyId, InstrumentId instrument, Instant time) {
        if (limits.applicableTo(strategyId, instrument).throttle().isPresent()) {
            Times times = submissions.computeIfAbsent(strategyId, k -> new Times());
            times.at.merge(time, 1, Integer::sum);
            times.count++;
        }
    }

    /** The longest throttle interval any strategy or instrument has (zero when none): how far back others' orders count. */
    static java.time.Duration longestInterval(RiskLimits limits) {
        java.time.Duration longest =
                limits.throttle().map(RiskLimits.Throttle::per).orElse(java.time.Duration.ZERO);
        for (RiskLimits own : limits.strategies().values()) {
            longest = max(longest, longestInterval(own));
        }
        for (RiskLimits own : limits.instruments().values()) {
            longest = max(longest, longestInterval(own));
        }
        return longest;
    }

    private static java.time.Duration max(java.time.Duration a, java.time.Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** One strategy's submissions: how many at each time, and how many in all. */
    private static final class Times {
        final TreeMap<Instant, Integer> at = new TreeMap<>();
        int count;
    }
}
