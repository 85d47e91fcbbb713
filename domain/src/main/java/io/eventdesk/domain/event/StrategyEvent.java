package io.eventdesk.domain.event;

/** What strategies decided and what became of it before the risk engine. */
public sealed interface StrategyEvent extends Event permits SignalRaised, SignalSkipped {
    String strategyId();
}
