package io.eventdesk.benchmarks;

import io.eventdesk.adapters.marketdata.BarSource;
import io.eventdesk.adapters.marketdata.BarTime;
import io.eventdesk.adapters.marketdata.MarketDataFeeds;
import io.eventdesk.domain.instrument.AssetClass;
import io.eventdesk.domain.instrument.Instrument;
import io.eventdesk.domain.instrument.InstrumentId;
import io.eventdesk.domain.market.Bar;
import io.eventdesk.domain.port.MarketDataFeedPort;
import io.eventdesk.domain.value.Currency;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark data: the real BTC-PERP 1-minute bars of the examples (45,031 bars, the file NautilusTrader's own
 * backtest benchmark uses), repeated with shifted times to any length.
 */
public final class BenchmarkData {
    public static final Instrument BTC = new Instrument(
            InstrumentId.of("BTC-PERP"),
            AssetClass.CRYPTO,
            Currency.of("USDT"),
            Price.of("0.001"),
            Quantity.of("0.001"),
            Quantity.of(1));

    private BenchmarkData() {}

    /** The bundled file, found from the working directory (the repository root or a module folder). */
    public static Path btcFile() {
        for (Path base : List.of(Path.of("."), Path.of(".."))) {
            Path p = base.resolve("examples/data/btc-perp-20211231-20220201_1m.csv");
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new IllegalStateException(
                "examples/data/btc-perp-20211231-20220201_1m.csv not found; run from the" + " repository root");
    }

    public static BarSource btcSource(Path file) {
        return new BarSource(BTC, file, BarTime.OPEN, Duration.ofMinutes(1));
    }

    /** The bundled example's config, {@code examples/sma-cross-btc.yaml}, absolute. */
    public static Path exampleConfig() {
        return btcFile()
                .toAbsolutePath()
                .getParent()
                .getParent()
                .resolve("sma-cross-btc.yaml")
                .normalize();
    }

    /** The original 45,031 bars. */
    public static List<Bar> btcBars() {
        List<Bar> bars = new ArrayList<>(45_100);
        try (MarketDataFeedPort feed = MarketDataFeeds.bars(List.of(btcSource(btcFile())))) {
            while (feed.hasNext()) {
                bars.add((Bar) feed.next());
            }
        }
        return bars;
    }

    /** At least {@code count} bars: the file repeated, each copy shifted to start after the previous one ends. */
    public static List<Bar> repeated(List<Bar> original, int count) {
        List<Bar> out = new ArrayList<>(count);
        Duration span = Duration.between(
                original.get(0).openTime(), original.get(original.size() - 1).closeTime());
        for (int copy = 0; out.size() < count; copy++) {
            Duration shift = span.multipliedBy(copy);
            for (Bar b : original) {
                if (out.size() == count) {
                    break;
                }
                out.add(
                        copy == 0
                                ? b
                                : new Bar(
                                        b.instrument(),
                                        b.openTime().plus(shift),
                                        b.closeTime().plus(shift),
                                        b.open(),
                                        b.high(),
                                        b.low(),
                                        b.close(),
                                        b.volume()));
            }
        }
        return out;
    }

    /** Writes bars as a CSV in the file's own layout, for the parsing benchmarks. */
    public static Path writeCsv(List<Bar> bars, Path file) {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("timestamp,open,high,low,close,volume\n");
            for (Bar b : bars) {
                w.write(b.openTime().toString());
                w.write(',');
                w.write(b.open().toString());
                w.write(',');
                w.write(b.high().toString());
                w.write(',');
                w.write(b.low().toString());
                w.write(',');
                w.write(b.close().toString());
                w.write(',');
                w.write(b.volume() == null ? "" : b.volume().toString());
                w.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
