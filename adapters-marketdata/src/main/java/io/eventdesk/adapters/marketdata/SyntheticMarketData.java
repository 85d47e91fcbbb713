package io.eventdesk.adapters.marketdata;

import io.eventdesk.domain.instrument.Instrument;
import io.eventdesk.domain.market.Bar;
import io.eventdesk.domain.market.MarketData;
import io.eventdesk.domain.market.Quote;
import io.eventdesk.domain.market.Trade;
import io.eventdesk.domain.port.MarketDataFeedPort;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import io.eventdesk.domain.value.Side;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

/**
 * Seeded synthetic market data for tests, benchmarks and demonstrations: a price following geometric Brownian
 * motion with optional Poisson jumps, sampled every {@code step}, as bars (four sub-steps per bar give the high and
 * the low), trades (a size and an aggressor side each) or quotes (a spread around the price). The same spec and seed
 * always give the same data, streamed in constant memory.
 *
 * @param drift the annual drift μ
 * @param volatility the annual volatility σ
 * @param jumpsPerYear the intensity λ of jumps (0 for none)
 * @param jumpMean the mean of a jump's log-return
 * @param jumpStdev the standard deviation of a jump's log-return
 * @param spreadBps the quoted spread, in basis points of the price (at least one tick)
 * @param meanSize the mean bar volume, trade size or quoted size
 */
public record SyntheticMarketData(
        Instrument instrument,
        DataKind kind,
        Instant start,
        Duration step,
        long count,
        long seed,
        BigDecimal initialPrice,
        double drift,
        double volatility,
        double jumpsPerYear,
        double jumpMean,
        double jumpStdev,
        double spreadBps,
        double meanSize) {

    private static final double SECONDS_PER_YEAR = 365.25 * 86_400;
    private static final int SUB_STEPS = 4;

    public SyntheticMarketData {
        if (instrument == null || kind == null || start == null || step == null || initialPrice == null) {
            throw new IllegalArgumentException(
                    "synthetic data needs an instrument, a kind, a start, a step and a price");
        }
        if (kind != DataKind.BARS && kind != DataKind.TRADES && kind != DataKind.QUOTES) {
            throw new IllegalArgumentException("synthetic data is bars, trades or quotes, not " + kind.configName());
        }
        if (step.isZero() || step.isNegative() || count < 0 || initialPrice.signum() <= 0) {
            throw new IllegalArgumentException("step and initial price must be positive and count not negative");
        }
        if (volatility < 0 || jumpsPerYear < 0 || jumpStdev < 0 || spreadBps < 0 || meanSize <= 0) {
            throw new IllegalArgumentException(
                    "volatility, jump intensity, jump deviation and spread must not be negative; mean size positive");
        }
    }

    /** Bars of a GBM with 50% volatility, no jumps, every minute from 2024-01-01, starting at 100. */
    public static SyntheticMarketData bars(Instrument instrument, long count, long seed) {
        return new SyntheticMarketData(
                instrument,
                DataKind.BARS,
                Instant.parse("2024-01-01T00:00:00Z"),
                Duration.ofMinutes(1),
                count,
                seed,
                new BigDecimal("100"),
                0.0,
                0.5,
                0.0,
                0.0,
                0.0,
                2.0,
                1000.0);
    }

    /** The data as a feed, generated as it is read. */
    public MarketDataFeedPort feed() {
        return new Generator();
    }

    /** Writes the data as CSV that the readers take back as {@link #kind()}; gzip-compressed when the name ends in .gz. */
    public long write(Path file) {
        try (OutputStream raw = Files.newOutputStream(file);
                OutputStream out = file.toString().endsWith(".gz") ? new GZIPOutputStream(raw, 1 << 16) : raw;
                Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16)) {
            w.write(
                    switch (kind) {
                        case BARS -> "time,open,high,low,close,volume\n";
                        case TRADES -> "time,price,size,side\n";
                        default -> "time,bid,ask,bid_size,ask_size\n";
                    });
            Generator g = new Generator();
            long n = 0;
            while (g.hasNext()) {
                MarketData d = g.next();
                if (d instanceof Bar b) {
                    w.write(b.openTime() + "," + b.open() + "," + b.high() + "," + b.low() + "," + b.close() + ","
                            + b.volume() + "\n");
                } else if (d instanceof Trade t) {
                    w.write(t.time() + "," + t.price() + "," + t.size() + ","
                            + t.aggressor().name().toLowerCase(java.util.Locale.ROOT) + "\n");
                } else {
                    Quote q = (Quote) d;
                    w.write(q.time() + "," + q.bid() + "," + q.ask() + "," + q.bidSize() + "," + q.askSize() + "\n");
                }
                n++;
            }
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private final class Generator implements MarketDataFeedPort {
        private final SplittableRandom random = new SplittableRandom(seed);
        private final double dt = step.toNanos() / 1e9 / SECONDS_PER_YEAR;
        private final double tick = instrument.tickSize().toBigDecimal().doubleValue();
        private final int lotScale = instrument.quantityScale();
        private double price = initialPrice.doubleValue();
        private long produced;

        /** One GBM step of length {@code fraction × dt}, with a jump drawn with probability λ·dt. */
        private double move(double fraction) {
            double h = dt * fraction;
            double log = (drift - volatility * volatility / 2) * h + volatility * Math.sqrt(h) * random.nextGaussian();
            if (jumpsPerYear > 0 && random.nextDouble() < jumpsPerYear * h) {
                log += jumpMean + jumpStdev * random.nextGaussian();
            }
            price = Math.max(price * Math.exp(log), tick);
            return price;
        }

        private Price onTick(double p, RoundingMode mode) {
            double t = p / tick;
            long ticks = (long)
                    (mode == RoundingMode.FLOOR
                            ? Math.floor(t)
                            : mode == RoundingMode.CEILING ? Math.ceil(t) : Math.rint(t));
            Price size = instrument.tickSize();
            return new Price(Math.multiplyExact(Math.max(ticks, 1), size.units()), size.scale());
        }

        private Quantity size() {
            double s = meanSize * Math.exp(0.5 * random.nextGaussian() - 0.125); // lognormal around the mean
            BigDecimal q = BigDecimal.valueOf(s).setScale(lotScale, RoundingMode.DOWN);
            Quantity lot = instrument.lotSize();
            Quantity rounded = instrument.roundDownToLot(Quantity.of(q));
            return rounded.isPositive() ? rounded : lot;
        }

        @Override
        public boolean hasNext() {
            return produced < count;
        }

        @Override
        public MarketData next() {
            if (!hasNext()) {
                throw new NoSuchElementException("the synthetic feed is exhausted");
            }
            Instant t = start.plus(step.multipliedBy(produced++));
            switch (kind) {
                case BARS -> {
                    Price open = onTick(price, RoundingMode.HALF_EVEN);
                    Price high = open;
                    Price low = open;
                    for (int i = 0; i < SUB_STEPS; i++) {
                        Price p = onTick(move(1.0 / SUB_STEPS), RoundingMode.HALF_EVEN);
                        high = Price.max(high, p);
                        low = Price.min(low, p);
                    }
                    Price close = onTick(price, RoundingMode.HALF_EVEN);
                    return new Bar(instrument.id(), t, t.plus(step), open, high, low, close, size());
                }
                case TRADES -> {
                    Price p = onTick(move(1.0), RoundingMode.HALF_EVEN);
                    return new Trade(instrument.id(), t, p, size(), random.nextBoolean() ? Side.BUY : Side.SELL);
                }
                default -> {
                    double mid = move(1.0);
                    double half = Math.max(mid * spreadBps / 20_000.0, tick / 2);
                    Price bid = onTick(mid - half, RoundingMode.FLOOR);
                    Price ask = onTick(mid + half, RoundingMode.CEILING);
                    if (!ask.isAbove(bid)) {
                        ask = bid.plus(instrument.tickSize());
                    }
                    return new Quote(instrument.id(), t, bid, ask, size(), size());
                }
            }
        }

        @Override
        public String description() {
            return "synthetic " + kind.configName() + " of " + instrument.id() + " (seed " + seed + ")";
        }

        @Override
        public void close() {}
    }
}
