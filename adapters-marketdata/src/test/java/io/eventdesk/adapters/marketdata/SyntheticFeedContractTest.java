package io.eventdesk.adapters.marketdata;

import io.eventdesk.domain.instrument.AssetClass;
import io.eventdesk.domain.port.MarketDataFeedPort;
import io.eventdesk.testkit.MarketDataFeedContract;

/** The synthetic generator passes the market data feed contract (its input cannot be wrong). */
class SyntheticFeedContractTest extends MarketDataFeedContract {
    @Override
    protected MarketDataFeedPort openFeed() {
        return SyntheticMarketData.bars(ExampleDataFilesTest.instrument("X", AssetClass.EQUITY, "0.01", "1"), 500, 7)
                .feed();
    }

    @Override
    protected MarketDataFeedPort openBrokenFeed() {
        return null;
    }
}
