package io.eventdesk.bootstrap;

import io.eventdesk.adapters.marketdata.live.LiveSources;
import io.eventdesk.bootstrap.config.BacktestConfig;
import io.eventdesk.bootstrap.config.ConfigLoader;
import io.eventdesk.bootstrap.wiring.MarketDataRecorder;
import io.eventdesk.bootstrap.wiring.StopSignals;
import io.eventdesk.domain.error.BadInputException;
import io.eventdesk.domain.port.LiveMarketDataPort;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code eventdesk record --config FILE --out DIR [--for PT1H]}: the config's live streams to files. */
@Command(
        name = "record",
        mixinStandardHelpOptions = true,
        description = "Writes the config's live exchange streams (data[].source) to files the backtest reads, and a"
                + " config that backtests them (recorded.yaml). Stops after --for, or on Ctrl-C / SIGTERM.")
final class RecordCommand implements Callable<Integer> {
    @Option(names = "--config", required = true, paramLabel = "FILE", description = "a config with live data[] entries")
    Path config;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "where the files go")
    Path out;

    @Option(
            names = "--for",
            paramLabel = "DURATION",
            description = "how long to record (ISO, e.g. PT1H; default: until stopped)")
    String duration;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        BacktestConfig cfg = ConfigLoader.load(config);
        if (cfg.liveFeeds().isEmpty()) {
            throw new BadInputException(
                    config.toString(),
                    0,
                    "data",
                    "no live stream to record: give data[].source" + " (binance or bybit), symbol and channels");
        }
        Duration length = null;
        if (duration != null) {
            try {
                length = Duration.parse(duration);
            } catch (DateTimeParseException e) {
                throw new BadInputException(
                        "--for", 0, null, "expected an ISO duration (PT30S, PT1H), got '" + duration + "'");
            }
            if (length.isNegative() || length.isZero()) {
                throw new BadInputException("--for", 0, null, "expected a positive duration, got " + duration);
            }
        }
        Files.createDirectories(out);
        List<LiveMarketDataPort> ports = new ArrayList<>();
        for (BacktestConfig.LiveFeed f : cfg.liveFeeds()) {
            LiveMarketDataPort p = LiveSources.open(f.primary());
            ports.add(
                    f.secondary() == null
                            ? p
                            : LiveSources.failover(p, LiveSources.open(f.secondary()), f.failoverAfter()));
        }
        LiveMarketDataPort source = LiveSources.all(ports);
        PrintWriter w = spec.commandLine().getOut();
        MarketDataRecorder recorder = new MarketDataRecorder(out);
        StopSignals.install();
        long deadline = length == null ? Long.MAX_VALUE : System.nanoTime() + length.toNanos();
        source.start(recorder);
        w.printf(
                "recording %s to %s%s%n",
                source.status().source(), out, length == null ? " until stopped" : " for " + length);
        w.flush();
        try {
            while (StopSignals.requested() == null && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
        } finally {
            source.close();
        }
        Path recorded = recorder.finish(cfg);
        var status = source.status();
        w.printf(
                "recorded %d pieces of market data (%s); backtest them: bin/eventdesk backtest --config %s%n",
                recorder.recorded(), status.counters(), recorded);
        return EventdeskCli.OK;
    }
}
