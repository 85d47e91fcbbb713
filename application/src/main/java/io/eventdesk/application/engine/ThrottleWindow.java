package io.eventdesk.application.engine;

import io.eventdesk.domain.instrument.InstrumentId;
import io.eventdesk.domain.risk.RiskLimits;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * The submission times of each strategy within its throttle interval, kept only where a throttle applies: what the
 * throttle rule counts. The throttle is the one the risk engine applies to the strategy and instrument.
 */
final class ThrottleWindow {
    private final RiskLimits limits;
    private final Map<String, ArrayDeque<Instant>> submissions = new HashMap<>();

    ThrottleWindow(RiskLimits limits) {
        this.limits = limits;
    }

    /** How many orders {@code strategyId} submitted within the throttle interval before {@code now}. */
    int recentOrders(String strategyId, InstrumentId instrument, Instant now) {
        var throttle = limits.applicableTo(strategyId, instrument).throttle();
        if (throttle.isEmpty()) {
            return 0;
        }
        ArrayDeque<Instant> times = submissions.get(strategyId);
        if (times == null) {
            return 0;
        }
        Instant windowStart = now.minus(throttle.get().per());
        while (!times.isEmpty() && !times.peekFirst().isAfter(windowStart)) {
            times.pollFirst();
        }
        return times.size();
    }

    void recordSubmission(String strategyId, InstrumentId instrument, Instant now) {
        if (limits.applicableTo(strategyId, instrument).throttle().isPresent()) {
            submissions.computeIfAbsent(strategyId, k -> new ArrayDeque<>()).addLast(now);
        }
    }
}
