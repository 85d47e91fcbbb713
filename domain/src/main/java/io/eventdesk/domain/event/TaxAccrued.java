package io.eventdesk.domain.event;

import io.eventdesk.domain.value.Money;
import java.time.Instant;

/** Tax accrued at a session's end on its realized gains (net of losses carried forward); {@code total} so far. */
public record TaxAccrued(long sequence, Instant time, Money tax, Money total) implements PortfolioEvent {}
