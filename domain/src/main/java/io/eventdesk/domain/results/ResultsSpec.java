package io.eventdesk.domain.results;

import io.eventdesk.domain.instrument.Instrument;
import io.eventdesk.domain.portfolio.LotMethod;
import io.eventdesk.domain.portfolio.SessionSchedule;
import io.eventdesk.domain.value.Currency;
import java.util.List;
import java.util.function.Consumer;

/** What a run's results are computed with: its instruments, the account's base currency, lot method and sessions. */
public record ResultsSpec(
        List<Instrument> instruments,
        Currency base,
        LotMethod lotMethod,
        SessionSchedule sessions,
        StatisticsConventions conventions) {

    public ResultsSpec {
        instruments = List.copyOf(instruments);
        sessions = sessions == null ? SessionSchedule.utcDays() : sessions;
        conventions = conventions == null ? StatisticsConventions.defaults() : conventions;
        lotMethod = lotMethod == null ? LotMethod.AVERAGE_COST : lotMethod;
    }

    /** Fresh results; {@code sink} receives each round trip as it closes. */
    public RunResults newResults(Consumer<RoundTrip> sink, int keptTrips) {
        return new RunResults(instruments, base, lotMethod, sessions, conventions, sink, keptTrips);
    }
}
