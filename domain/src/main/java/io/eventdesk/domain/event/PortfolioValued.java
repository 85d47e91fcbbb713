package io.eventdesk.domain.event;

import io.eventdesk.domain.value.Currency;
import io.eventdesk.domain.value.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/**
 * The account's figures after a market event was processed. Amounts are held as counts of
 * 10^-{@value Money#SCALE} units of {@code currency} (one is recorded per bar, so it carries no objects); the
 * accessors without the {@code Units} suffix give them as {@link Money}.
 */
public record PortfolioValued(
        long sequence,
        Instant time,
        Currency currency,
        long cashUnits,
        long equityUnits,
        long grossExposureUnits,
        long netExposureUnits,
        long realizedPnlUnits,
        long unrealizedPnlUnits,
        long feesUnits,
        long peakEquityUnits)
        implements PortfolioEvent {

    public Money cash() {
        return new Money(currency, cashUnits);
    }

    public Money equity() {
        return new Money(currency, equityUnits);
    }

    public Money grossExposure() {
        return new Money(currency, grossExposureUnits);
    }

    public Money netExposure() {
        return new Money(currency, netExposureUnits);
    }

    public Money realizedPnl() {
        return new Money(currency, realizedPnlUnits);
    }

    public Money unrealizedPnl() {
        return new Money(currency, unrealizedPnlUnits);
    }

    public Money fees() {
        return new Money(currency, feesUnits);
    }

    public Money peakEquity() {
        return new Money(currency, peakEquityUnits);
    }

    /** (peak equity − equity) / peak equity, 8 decimals, 0 at a peak. */
    public BigDecimal drawdown() {
        long loss = peakEquityUnits - equityUnits;
        if (loss <= 0 || peakEquityUnits <= 0) {
            return BigDecimal.ZERO;
        }
        return BigDecimal.valueOf(loss).divide(BigDecimal.valueOf(peakEquityUnits), 8, RoundingMode.HALF_EVEN);
    }
}
