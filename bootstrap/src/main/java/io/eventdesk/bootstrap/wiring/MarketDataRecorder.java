package io.eventdesk.bootstrap.wiring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.eventdesk.adapters.persistence.ResearchFiles;
import io.eventdesk.bootstrap.config.BacktestConfig;
import io.eventdesk.bootstrap.config.ConfigLoader;
import io.eventdesk.domain.market.Bar;
import io.eventdesk.domain.market.BookUpdate;
import io.eventdesk.domain.market.MarketData;
import io.eventdesk.domain.market.Trade;
import io.eventdesk.domain.port.LiveMarketDataPort;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes live market data to files the backtest reads, one per instrument and kind, a row as it arrives: trades
 * ({@code time,price,size,side}), bars ({@code time,open,high,low,close,volume}, the time the bar's open) and the book
 * ({@code time,side,price,size,update_type,last_update_id}, a row per level, {@code snapshot} rows replacing the book).
 * {@link #finish} writes {@code recorded.yaml}: the config with its live entries replaced by these files, ready for
 * {@code backtest} (and for {@code serve}'s replay source).
 */
public final class MarketDataRecorder implements LiveMarketDataPort.Listener, AutoCloseable {
    public static final String CONFIG = "recorded.yaml";

    private final Path dir;
    private final Map<String, ResearchFiles.Table> files = new LinkedHashMap<>();
    private final Map<String, String[]> entries = new LinkedHashMap<>(); // file -> instrument, kind
    private final AtomicLong recorded = new AtomicLong();
    /** each bars file's bar length, from its first bar (a file of one bar cannot tell it) */
    private final Map<String, String> intervals = new LinkedHashMap<>();

    public MarketDataRecorder(Path dir) {
        this.dir = dir;
    }

    @Override
    public synchronized void onMarketData(MarketData d) {
        if (d instanceof Trade t) {
            table(t.instrument().value(), "trades", List.of("time", "price", "size", "side"))
                    .row(List.of(
                            t.time(),
                            t.price(),
                            t.size(),
                            t.aggressor() == null ? "" : t.aggressor().name().toLowerCase(java.util.Locale.ROOT)));
        } else if (d instanceof Bar b) {
            intervals.putIfAbsent(
                    b.instrument().value() + "-bars.csv",
                    java.time.Duration.between(b.openTime(), b.closeTime()).toString());
            table(b.instrument().value(), "bars", List.of("time", "open", "high", "low", "close", "volume"))
                    .row(List.of(b.openTime(), b.open(), b.high(), b.low(), b.close(), b.volume()));
        } else if (d instanceof BookUpdate u) {
            ResearchFiles.Table t = table(
                    u.instrument().value(),
                    "book",
                    List.of("time", "side", "price", "size", "update_type", "last_update_id"));
            String type = u.snapshot() ? "snapshot" : "update";
            for (BookUpdate.Level l : u.bids()) {
                t.row(List.of(u.time(), "bid", l.price(), l.size(), type, u.updateId()));
            }
            for (BookUpdate.Level l : u.asks()) {
                t.row(List.of(u.time(), "ask", l.price(), l.size(), type, u.updateId()));
            }
        } else {
            return; // quotes do not come from the exchange streams
        }
        recorded.incrementAndGet();
    }

    private ResearchFiles.Table table(String instrument, String kind, List<String> header) {
        String name = instrument + "-" + kind + ".csv";
        return files.computeIfAbsent(name, n -> {
            entries.put(n, new String[] {instrument, kind});
            return ResearchFiles.table(dir.resolve(n), header);
        });
    }

    @Override
    public void onEnd(RuntimeException failure) {}

    /** How many pieces of market data were written. */
    public long recorded() {
        return recorded.get();
    }

    /** Closes the files and writes {@link #CONFIG}: {@code config} with its data the recorded files. */
    public synchronized Path finish(BacktestConfig config) {
        close();
        JsonNode tree = ConfigLoader.tree(config.file());
        ArrayNode data = ((ObjectNode) tree).putArray("data");
        entries.forEach((file, e) -> {
            ObjectNode entry =
                    data.addObject().put("instrument", e[0]).put("kind", e[1]).put("path", file);
            if (intervals.containsKey(file)) {
                entry.put("bar-interval", intervals.get(file));
            }
        });
        Path out = dir.resolve(CONFIG);
        try {
            ResearchFiles.text(
                    out,
                    "# market data recorded by eventdesk record from "
                            + config.file().getFileName() + "; bin/eventdesk backtest --config " + CONFIG + "\n"
                            + new YAMLMapper().writeValueAsString(tree));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    @Override
    public synchronized void close() {
        files.values().forEach(ResearchFiles.Table::close);
    }
}
