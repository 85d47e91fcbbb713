package io.eventdesk.benchmarks;

import io.eventdesk.adapters.marketdata.MarketDataFeeds;
import io.eventdesk.adapters.persistence.EventJournals;
import io.eventdesk.domain.market.Bar;
import io.eventdesk.domain.port.MarketDataFeedPort;
import io.eventdesk.domain.run.RunSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One whole backtest per invocation (single-shot): the events/s of each figure is {@code bars} divided by the
 * time of one invocation.
 *
 * <ul>
 *   <li>{@link #inMemory}: benchmark 1a, bars already in memory → sma-cross 10/20 → risk → paper venue →
 *       portfolio, journal off;
 *   <li>{@link #fromCsv}: benchmark 1b, the same with the CSV file parsed on the way; {@link #fromCsvReadAhead}
 *       with the parsing on a second thread;
 *   <li>{@link #parseOnly}: benchmark 4, reading and parsing the file into bars and nothing else;
 *   <li>{@link #journalSqlite}, {@link #journalPostgres}: benchmark 3, 1a with the journal on;
 *   <li>{@link #orderHeavy}: benchmark 2, a strategy that submits, replaces and cancels on every bar;
 *   <li>{@link #steadyState}: a position held from the first bar, for the allocation of the steady-state path.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ReplayBenchmark {
    @Param("1000000")
    public int bars;

    @Param("jdbc:postgresql://127.0.0.1:5432/test?user=postgres")
    public String postgresUrl;

    private List<Bar> data;
    private Path dir;
    private Path csv;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        data = BenchmarkData.repeated(BenchmarkData.btcBars(), bars);
        dir = Files.createTempDirectory("eventdesk-bench");
        csv = BenchmarkData.writeCsv(data, dir.resolve("btc-repeated.csv"));
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.deleteIfExists(p);
            }
        }
        Files.deleteIfExists(dir);
    }

    private MarketDataFeedPort csvFeed() {
        return MarketDataFeeds.bars(List.of(BenchmarkData.btcSource(csv)));
    }

    @Benchmark
    public RunSummary inMemory() {
        return Backtests.inMemory(data);
    }

    /** Benchmark 6's steady state: every bar marked with a position open, no signals after the first bar. */
    @Benchmark
    public RunSummary steadyState() {
        return Backtests.run(
                MarketDataFeeds.inMemory(data, "bench"), new BuyAndHoldStrategy(), EventJournals.disabled());
    }

    @Benchmark
    public RunSummary fromCsv() {
        return Backtests.run(csvFeed(), Backtests.smaCross(), EventJournals.disabled());
    }

    @Benchmark
    public RunSummary fromCsvReadAhead() {
        return Backtests.run(MarketDataFeeds.readAhead(csvFeed()), Backtests.smaCross(), EventJournals.disabled());
    }

    @Benchmark
    public long parseOnly() {
        long count = 0;
        try (MarketDataFeedPort feed = csvFeed()) {
            while (feed.hasNext()) {
                if (feed.next() != null) {
                    count++;
                }
            }
        }
        return count;
    }

    @Benchmark
    public RunSummary journalSqlite() throws IOException {
        Path db = dir.resolve("journal-" + UUID.randomUUID() + ".db");
        try {
            return Backtests.run(
                    MarketDataFeeds.inMemory(data, "bench"), Backtests.smaCross(), EventJournals.sqlite(db, "bench"));
        } finally {
            for (String suffix : new String[] {"", "-wal", "-shm"}) {
                Files.deleteIfExists(Path.of(db + suffix));
            }
        }
    }

    private String postgresRun;

    @Benchmark
    public RunSummary journalPostgres() {
        postgresRun = "bench-" + UUID.randomUUID();
        return Backtests.run(
                MarketDataFeeds.inMemory(data, "bench"),
                Backtests.smaCross(),
                EventJournals.jdbc(postgresUrl, postgresRun));
    }

    /** The shared store keeps no benchmark runs (deleting is not timed). */
    @TearDown(Level.Invocation)
    public void deletePostgresRun() {
        if (postgresRun != null) {
            EventJournals.deleteRun(postgresUrl, postgresRun);
            postgresRun = null;
        }
    }

    /** Benchmark 7: 1a with the results computed as the run goes (their cost is the difference to 1a). */
    @Benchmark
    public RunSummary inMemoryWithResults() {
        return Backtests.inMemoryWithResults(data);
    }

    @Benchmark
    public RunSummary orderHeavy() {
        return Backtests.run(MarketDataFeeds.inMemory(data, "bench"), new ChurnStrategy(), EventJournals.disabled());
    }
}
