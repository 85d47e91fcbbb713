package io.eventdesk.domain.run;

import io.eventdesk.domain.instrument.AssetClass;
import io.eventdesk.domain.portfolio.Exposure;
import io.eventdesk.domain.portfolio.PositionView;
import io.eventdesk.domain.portfolio.StrategyPnl;
import io.eventdesk.domain.value.Currency;
import io.eventdesk.domain.value.Money;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        List<StrategyPnl> strategies,
        String accountType,
        Map<Currency, Money> balances,
        Money taxes,
        Map<AssetClass, Exposure> exposureByAssetClass,
        Money peakEquity,
        BigDecimal leverage,
        BigDecimal drawdown,
        Money dailyPnl,
        List<PositionView> positions) {
    public RunSummary {
        strategies = List.copyOf(strategies);
        positions = List.copyOf(positions);
        balances = Collections.unmodifiableMap(new LinkedHashMap<>(balances));
        exposureByAssetClass = Collections.unmodifiableMap(new LinkedHashMap<>(exposureByAssetClass));
    }
}
