package io.eventdesk.adapters.broker.paper;

import io.eventdesk.domain.instrument.InstrumentId;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

/**
 * How the paper venue executes.
 *
 * @param latency from decision to arrival at the venue, per kind of request; an order is eligible only for bars
 *     opening at or after its arrival, and for ticks strictly after it
 * @param slippage how much worse than its reference price a MARKET or STOP order fills
 * @param participation the largest fraction of a bar's volume, a trade's size or a quote's displayed size the
 *     desk's orders may take together, in (0, 1]; {@code null} for no cap (or when the data has no volume)
 * @param fees the commission per instrument
 * @param barPath the path assumed inside a bar
 * @param defaultSession when DAY orders expire, unless the instrument has its own session
 * @param sessions sessions per instrument
 */
public record PaperVenueConfig(
        LatencyModel latency,
        SlippageModel slippage,
        BigDecimal participation,
        FeeSchedule fees,
        BarPath barPath,
        TradingSession defaultSession,
        Map<InstrumentId, TradingSession> sessions) {

    public PaperVenueConfig {
        if (latency == null || slippage == null || fees == null) {
            throw new IllegalArgumentException("a paper venue needs a latency model, a slippage model and fees");
        }
        if (participation != null && (participation.signum() <= 0 || participation.compareTo(BigDecimal.ONE) > 0)) {
            throw new IllegalArgumentException(
                    "participation must be within (0, 1], got " + participation.toPlainString());
        }
        barPath = barPath == null ? BarPath.NEARER_EXTREME_FIRST : barPath;
        defaultSession = defaultSession == null ? TradingSession.utcDay() : defaultSession;
        sessions = sessions == null ? Map.of() : Map.copyOf(sessions);
    }

    /** One fixed latency, fixed-bps slippage, one commission model, no participation cap, UTC days. */
    public PaperVenueConfig(Duration latency, BigDecimal slippageBps, CommissionModel commission) {
        this(
                LatencyModel.fixed(latency),
                new SlippageModel.FixedBps(slippageBps),
                null,
                FeeSchedule.of(commission),
                BarPath.NEARER_EXTREME_FIRST,
                TradingSession.utcDay(),
                Map.of());
    }

    public static PaperVenueConfig frictionless() {
        return new PaperVenueConfig(Duration.ZERO, BigDecimal.ZERO, CommissionModel.none());
    }

    public PaperVenueConfig withLatency(LatencyModel l) {
        return new PaperVenueConfig(l, slippage, participation, fees, barPath, defaultSession, sessions);
    }

    public PaperVenueConfig withSlippage(SlippageModel s) {
        return new PaperVenueConfig(latency, s, participation, fees, barPath, defaultSession, sessions);
    }

    public PaperVenueConfig withParticipation(BigDecimal p) {
        return new PaperVenueConfig(latency, slippage, p, fees, barPath, defaultSession, sessions);
    }

    public PaperVenueConfig withFees(FeeSchedule f) {
        return new PaperVenueConfig(latency, slippage, participation, f, barPath, defaultSession, sessions);
    }

    public PaperVenueConfig withBarPath(BarPath p) {
        return new PaperVenueConfig(latency, slippage, participation, fees, p, defaultSession, sessions);
    }

    public PaperVenueConfig withSessions(TradingSession defaultSession, Map<InstrumentId, TradingSession> sessions) {
        return new PaperVenueConfig(latency, slippage, participation, fees, barPath, defaultSession, sessions);
    }

    /** The session DAY orders in {@code instrument} expire with. */
    public TradingSession sessionOf(InstrumentId instrument) {
        return sessions.getOrDefault(instrument, defaultSession);
    }
}
