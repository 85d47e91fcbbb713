package io.eventdesk.domain.event;

/** The state of the account. */
public sealed interface PortfolioEvent extends Event permits PortfolioValued, MarginCalled, TaxAccrued {}
