package io.eventdesk.application.engine;

import io.eventdesk.application.usecase.RebuildPortfolioUseCase;
import io.eventdesk.domain.error.BadInputException;
import io.eventdesk.domain.event.OrderFilled;
import io.eventdesk.domain.market.MarkPrices;
import io.eventdesk.domain.market.MarketData;
import io.eventdesk.domain.port.MarketDataFeedPort;
import io.eventdesk.domain.portfolio.Portfolio;
import io.eventdesk.domain.value.Price;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Replays a run's fills and marks into an empty portfolio in the engine's order: for each market event, a new
 * session is started first (closing the last one, which accrues its tax), then the fills journaled before the event
 * are applied, then the event marks its instrument.
 */
public final class RebuildPortfolioService implements RebuildPortfolioUseCase {
    @Override
    public Portfolio rebuild(RebuildRequest request) {
        Portfolio portfolio = new Portfolio(request.account(), request.instruments());
        MarkPrices marks = new MarkPrices(portfolio::instrument);
        List<OrderFilled> fills = request.history().fills();
        long[] market = request.history().marketEventSequences();
        MarketDataFeedPort feed = request.marketData();
        int next = 0;
        LocalDate session = null;
        try {
            for (int m = 0; m < market.length; m++) {
                if (!feed.hasNext()) {
                    throw new BadInputException(
                            feed.description(),
                            0,
                            null,
                            "the journal has " + market.length + " market events, the data only " + m);
                }
                MarketData data = feed.next();
                Instant opens = data.openTime();
                LocalDate day = request.sessions().sessionOf(opens);
                if (!day.equals(session)) {
                    if (session != null) {
                        portfolio.closeSession();
                    }
                    session = day;
                    portfolio.startSession();
                }
                while (next < fills.size() && fills.get(next).sequence() < market[m]) {
                    portfolio.apply(fills.get(next++));
                }
                Price mark = marks.of(data);
                if (mark != null) {
                    portfolio.mark(data.instrument(), mark);
                }
            }
            while (next < fills.size()) {
                portfolio.apply(fills.get(next++));
            }
            if (feed.hasNext()) {
                throw new BadInputException(
                        feed.description(),
                        0,
                        null,
                        "the data has more market events than the " + market.length + " the journal recorded");
            }
        } finally {
            feed.close();
        }
        return portfolio;
    }
}
