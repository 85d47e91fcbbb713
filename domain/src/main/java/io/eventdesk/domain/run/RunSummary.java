package io.eventdesk.domain.run;

import io.eventdesk.domain.value.Money;
import java.math.BigDecimal;

/** The figures of a finished run, as written to {@code summary.json}. */
public record RunSummary(
        String name,
        Money initialCash,
        Money finalCash,
        Money finalEquity,
        Money realizedPnl,
        Money unrealizedPnl,
        Money totalFees,
        long ordersSubmitted,
        long ordersFilled,
        long ordersDenied,
        long fills,
        BigDecimal maxDrawdown,
        long marketEvents,
        long events,
        String journalDigest) {}
