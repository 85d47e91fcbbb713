package io.eventdesk.domain.event;

import io.eventdesk.domain.trading.TradingState;
import java.time.Instant;

/** The kill switch moved, with its cause (a command, or a breached limit and its numbers). */
public record TradingStateChanged(long sequence, Instant time, TradingState from, TradingState to, String cause)
        implements RiskEvent {}
