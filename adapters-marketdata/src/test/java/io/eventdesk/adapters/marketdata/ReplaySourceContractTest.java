package io.eventdesk.adapters.marketdata;

import io.eventdesk.domain.instrument.AssetClass;
import io.eventdesk.domain.port.LiveMarketDataPort;
import io.eventdesk.testkit.LiveMarketDataContract;
import java.time.Clock;

/** The replay source (a file played on the wall clock) passes the live source contract, at 60,000× real time. */
class ReplaySourceContractTest extends LiveMarketDataContract {
    @Override
    protected LiveMarketDataPort newSource() {
        return MarketDataFeeds.replay(
                        SyntheticMarketData.bars(
                                        ExampleDataFilesTest.instrument("X", AssetClass.EQUITY, "0.01", "1"), 2_000, 7)
                                .feed(),
                        60_000,
                        Clock.systemUTC())
                .source();
    }
}
