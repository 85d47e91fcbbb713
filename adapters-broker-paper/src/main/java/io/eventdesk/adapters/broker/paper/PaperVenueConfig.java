package io.eventdesk.adapters.broker.paper;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * How the paper venue executes.
 *
 * @param latency from decision to arrival at the venue; an order is eligible only for bars opening at or after
 *     its arrival
 * @param slippageBps how much worse than the open a market order fills, in basis points (rounded to the tick
 *     against the trader); limit orders never fill worse than their limit
 * @param commission the fee model
 */
public record PaperVenueConfig(Duration latency, BigDecimal slippageBps, CommissionModel commission) {
    public PaperVenueConfig {
        if (latency == null || latency.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative, got " + latency);
        }
        if (slippageBps == null || slippageBps.signum() < 0) {
            throw new IllegalArgumentException("slippage must be >= 0 bps, got " + slippageBps);
        }
        if (commission == null) {
            throw new IllegalArgumentException("a commission model is required (CommissionModel.none() for none)");
        }
    }

    public static PaperVenueConfig frictionless() {
        return new PaperVenueConfig(Duration.ZERO, BigDecimal.ZERO, CommissionModel.none());
    }
}
