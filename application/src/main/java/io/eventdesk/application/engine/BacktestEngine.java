package io.eventdesk.application.engine;

import io.eventdesk.application.usecase.BacktestRequest;
import io.eventdesk.application.usecase.EngageKillSwitchUseCase;
import io.eventdesk.domain.error.BadInputException;
import io.eventdesk.domain.market.MarketData;
import io.eventdesk.domain.port.MarketDataFeedPort;
import io.eventdesk.domain.risk.KillSwitchCommand;
import io.eventdesk.domain.run.RunSummary;
import io.eventdesk.domain.signal.ExternalSignal;
import io.eventdesk.domain.trading.TradingState;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The batch loop: reads the market data feed and the outside signal feeds and hands every input to the
 * {@link TradingDesk} in time order — the kill switch commands due before a piece of market data, then the outside
 * signals stamped before it, then the data itself. Single-threaded and deterministic.
 */
public final class BacktestEngine implements EngageKillSwitchUseCase {
    private static final Logger LOG = LoggerFactory.getLogger(BacktestEngine.class);

    private final BacktestRequest request;
    private final MarketDataFeedPort feed;
    private final TradingDesk desk;
    /** signal feeds from outside, each with its next signal read ahead */
    private final OutsideSignals outside;

    public BacktestEngine(BacktestRequest request) {
        this.request = request;
        this.feed = request.feed();
        this.desk = new TradingDesk(request);
        this.outside = new OutsideSignals(request.signalFeeds().values());
    }

    /** Runs to the end of the data; on failure journals {@code RunFailed}, keeps what was written and rethrows. */
    public RunSummary run() {
        try {
            if (!feed.hasNext()) {
                throw new BadInputException(feed.description(), 0, null, "no market data to replay");
            }
            MarketData first = feed.next();
            LOG.info("run {} starts at {} on {}", request.name(), first.openTime(), feed.description());
            desk.start(first.openTime());
            process(first);
            while (feed.hasNext()) {
                process(feed.next());
            }
            deliverSignalsBefore(Instant.MAX); // signals after the last bar: decided and journaled, never filled
            RunSummary summary = desk.finish();
            LOG.info(
                    "run {} finished: {} market events, {} journal events",
                    request.name(),
                    desk.marketEvents(),
                    summary.events());
            return summary;
        } catch (RuntimeException e) {
            desk.fail(e);
            throw e;
        } finally {
            feed.close();
            outside.close();
        }
    }

    private void process(MarketData data) {
        Instant known = data.knownTime();
        for (KillSwitchCommand c = desk.killSwitch().nextCommandBefore(known);
                c != null;
                c = desk.killSwitch().nextCommandBefore(known)) {
            desk.onCommand(c);
        }
        deliverSignalsBefore(known);
        desk.onMarketData(data);
    }

    /** Every outside signal stamped before {@code time}, in time order. */
    private void deliverSignalsBefore(Instant time) {
        for (ExternalSignal s = outside.nextBefore(time); s != null; s = outside.nextBefore(time)) {
            desk.onSignal(s);
        }
    }

    @Override
    public void engage(TradingState to, String cause, boolean flatten) {
        desk.killSwitch().engage(to, cause, flatten);
    }
}
