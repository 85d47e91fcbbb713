package io.eventdesk.domain.event;

import io.eventdesk.domain.instrument.InstrumentId;
import io.eventdesk.domain.value.Money;
import java.time.Instant;
import java.util.List;

/**
 * What the other processes of a desk did, as a session heard of it through the shared state and took it: the orders
 * they submitted (which count in this desk's throttle windows) and their daily PnL now (which counts toward the
 * desk's daily loss limit). Journaled before it takes effect, so a session that counted others' orders re-runs
 * exactly.
 *
 * @param submissions orders other processes submitted since the last report
 * @param dailyPnl every other process's daily PnL as it stands now (replaces the last report's)
 */
public record PeerActivityReceived(long sequence, Instant time, List<Submission> submissions, List<DailyPnl> dailyPnl)
        implements InputEvent {

    public PeerActivityReceived {
        submissions = List.copyOf(submissions);
        dailyPnl = List.copyOf(dailyPnl);
    }

    /** One order another process submitted for {@code strategyId} at {@code time}. */
    public record Submission(String origin, String strategyId, InstrumentId instrument, Instant time) {
        public Submission {
            if (origin == null || strategyId == null || instrument == null || time == null) {
                throw new IllegalArgumentException(
                        "a peer's submission names its origin, strategy, instrument and time");
            }
        }
    }

    /** Another process's daily PnL (its loss since its session started, negated). */
    public record DailyPnl(String origin, Money pnl) {
        public DailyPnl {
            if (origin == null || pnl == null) {
                throw new IllegalArgumentException("a peer's daily PnL names its origin and amount");
            }
        }
    }
}
