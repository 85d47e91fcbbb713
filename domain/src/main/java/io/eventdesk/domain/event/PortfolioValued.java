package io.eventdesk.domain.event;

import io.eventdesk.domain.value.Money;
import java.math.BigDecimal;
import java.time.Instant;

/** The account's figures after a market event was processed. */
public record PortfolioValued(
        long sequence,
        Instant time,
        Money cash,
        Money equity,
        Money grossExposure,
        Money netExposure,
        Money realizedPnl,
        Money unrealizedPnl,
        Money fees,
        BigDecimal drawdown)
        implements PortfolioEvent {}
