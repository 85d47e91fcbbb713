package io.eventdesk.domain.event;

import java.time.Instant;

/**
 * Everything that happens in a run, in one sealed hierarchy of families. {@link #sequence()} is the run-wide
 * order in which events were produced (ties in time are broken by it); {@link #time()} is when it happened in
 * simulated time.
 */
public sealed interface Event
        permits MarketEvent, StrategyEvent, RiskEvent, OrderEvent, PortfolioEvent, SystemEvent, InputEvent {
    long sequence();

    Instant time();
}
