package io.eventdesk.domain.event;

import io.eventdesk.domain.value.Money;
import java.time.Instant;

/**
 * A margin account's equity fell below the maintenance margin of its positions.
 *
 * @param liquidating whether the desk closes every position in answer (account.liquidate-on-margin-call)
 */
public record MarginCalled(long sequence, Instant time, Money equity, Money maintenanceMargin, boolean liquidating)
        implements PortfolioEvent {}
