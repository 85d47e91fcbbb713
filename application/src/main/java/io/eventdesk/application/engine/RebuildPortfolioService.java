package io.eventdesk.application.engine;

import io.eventdesk.application.usecase.RebuildPortfolioUseCase;
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
        JournaledMarketData journaled = new JournaledMarketData(feed);
        try {
            request.history().replay(new RunHistoryPort.Listener() {
                private LocalDate session;

                @Override
                public void marketEvent(long sequence) {
                    MarketData data = journaled.next();
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
            journaled.requireEnd();
        } finally {
            feed.close();
        }
        return portfolio;
    }
}
