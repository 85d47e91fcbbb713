package io.eventdesk.domain.run;

import io.eventdesk.domain.portfolio.StrategyPnl;
import io.eventdesk.domain.value.Money;
import java.math.BigDecimal;
import java.util.List;

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
        String journalDigest,
        List<StrategyPnl> strategies) {
    public RunSummary {
        strategies = List.copyOf(strategies);
    }
}
