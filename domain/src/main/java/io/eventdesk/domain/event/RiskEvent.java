package io.eventdesk.domain.event;

/** Decisions of the risk engine. */
public sealed interface RiskEvent extends Event permits RiskEvaluated, TradingStateChanged {}
