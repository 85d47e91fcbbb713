package io.eventdesk.adapters.marketdata;

import io.eventdesk.domain.instrument.AssetClass;
import io.eventdesk.domain.instrument.Instrument;
import io.eventdesk.domain.port.MarketDataFeedPort;
import io.eventdesk.testkit.MarketDataFeedContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/** The files' feed (bars and trades merged, read ahead on another thread) passes the market data feed contract. */
class CsvFeedContractTest extends MarketDataFeedContract {
    private static final Instrument X = ExampleDataFilesTest.instrument("X", AssetClass.EQUITY, "0.01", "1");
    private static final Instrument Y = ExampleDataFilesTest.instrument("Y", AssetClass.CRYPTO, "0.1", "0.001");

    @TempDir
    Path dir;

    private Path file(String name, String content) {
        try {
            return Files.writeString(dir.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private MarketDataFeedPort open(String trades) {
        Path bars = file(
                "x.csv",
                "time,open,high,low,close,volume\n"
                        + "2024-01-02T00:00:00Z,10,11,9,10.5,100\n"
                        + "2024-01-02T00:01:00Z,10.5,12,10,11,200\n"
                        + "2024-01-02T00:02:00Z,11,11.5,10.5,11.25,300\n");
        Path ticks = file("y.csv", trades);
        DataSource tradeSource = new DataSource(
                Y,
                DataKind.TRADES,
                ticks,
                null,
                java.util.Map.of(),
                null,
                null,
                null,
                null,
                null,
                ValidationPolicy.STRICT,
                null);
        return MarketDataFeeds.open(List.of(DataSource.bars(X, bars), tradeSource), new DataQualityReport());
    }

    @Override
    protected MarketDataFeedPort openFeed() {
        return open("time,price,size\n"
                + "2024-01-02T00:01:00Z,50000.1,0.5\n" // the same known time as the first bar
                + "2024-01-02T00:01:00Z,50000.2,0.25\n"
                + "2024-01-02T00:02:30Z,49999.9,1\n");
    }

    @Override
    protected MarketDataFeedPort openBrokenFeed() {
        return open(
                "time,price,size\n" + "2024-01-02T00:00:30Z,50000.1,0.5\n" + "2024-01-02T00:01:30Z,not-a-price,0.5\n");
    }
}
