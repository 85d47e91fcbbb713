package io.eventdesk.application.engine;

import io.eventdesk.application.usecase.RebuildPortfolioUseCase;
import io.eventdesk.domain.error.BadInputException;
import io.eventdesk.domain.event.Event;
import io.eventdesk.domain.event.OrderFilled;
import io.eventdesk.domain.market.MarkPrices;
import io.eventdesk.domain.market.MarketData;
import io.eventdesk.domain.port.MarketDataFeedPort;
import io.eventdesk.domain.port.RunHistoryPort;
import io.eventdesk.domain.portfolio.Portfolio;
import io.eventdesk.domain.value.Price;
import java.time.LocalDate;

/**
 * Replays a run's fills and marks into an empty portfolio in the engine's order, streamed from the journal: each fill
 * when its sequence comes; each market event first starts a new session when its day changes (closing the last one,
 * which accrues its tax), then marks its instrument. Memory does not grow with the run.
 */
public final class RebuildPortfolioService implements RebuildPortfolioUseCase {
    @Override
    public Portfolio rebuild(RebuildRequest request) {
        Portfolio portfolio = new Portfolio(request.account(), request.instruments());
        MarkPrices marks = new MarkPrices(portfolio::instrument);
        MarketDataFeedPort feed = request.marketData();
        try {
            request.history().replay(new RunHistoryPort.Listener() {
                private LocalDate session;
                private long seen;

                @Override
                public void marketEvent(long sequence) {
                    if (!feed.hasNext()) {
                        throw new BadInputException(
                                feed.description(),
                                0,
                                null,
                                "the journal has more market events than the " + seen + " of the data");
                    }
                    seen++;
                    MarketData data = feed.next();
                    LocalDate day = request.sessions().sessionOf(data.openTime());
                    if (!day.equals(session)) {
                        if (session != null) {
                            portfolio.closeSession();
                        }
                        session = day;
                        portfolio.startSession();
                    }
                    Price mark = marks.of(data);
                    if (mark != null) {
                        portfolio.mark(data.instrument(), mark);
                    }
                }

                @Override
                public void stored(Event event) {
                    if (event instanceof OrderFilled fill) {
                        portfolio.apply(fill);
                    }
                }
            });
            if (feed.hasNext()) {
                throw new BadInputException(
                        feed.description(), 0, null, "the data has more market events than the journal recorded");
            }
        } finally {
            feed.close();
        }
        return portfolio;
    }
}
