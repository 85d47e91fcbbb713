package io.eventdesk.bootstrap.config;

import io.eventdesk.adapters.marketdata.live.LiveFeedSpec;
import io.eventdesk.adapters.marketdata.live.LiveSources;
import io.eventdesk.domain.instrument.Instrument;
import io.eventdesk.domain.instrument.InstrumentId;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * {@code data[i]} with a {@code source}: a live exchange stream of one instrument, for {@code eventdesk serve}.
 *
 * <pre>
 * data:
 *   - instrument: BTC-USDT
 *     source: binance                 # or bybit
 *     symbol: BTCUSDT
 *     channels: [trades, klines:1m, book]
 *     url: wss://stream.binance.com:9443          # default per exchange (Bybit: wss://stream.bybit.com/v5/public/spot)
 *     rest-url: https://api.binance.com           # Binance's depth snapshots
 *     max-gap-ms: 30000                           # silence beyond it: reported, reconnected
 *     failover-after-ms: 5000
 *     validation: repair                          # off the tick/lot grid: repair (round), skip (drop) or strict (end)
 *     secondary: {source: bybit, symbol: BTCUSDT, channels: [trades]}
 * </pre>
 *
 * Every problem is one line naming the key, before anything connects.
 */
final class LiveDataReader {
    private static final Map<String, String> STREAM =
            Map.of("binance", "wss://stream.binance.com:9443", "bybit", "wss://stream.bybit.com/v5/public/spot");

    private LiveDataReader() {}

    static BacktestConfig.LiveFeed read(ConfigNode n, Map<InstrumentId, Instrument> instruments, long seed) {
        n.object(
                "instrument",
                "source",
                "symbol",
                "channels",
                "url",
                "rest-url",
                "max-gap-ms",
                "failover-after-ms",
                "secondary",
                "validation");
        Instrument instrument = InstrumentsConfigReader.known(instruments, n.get("instrument"));
        LiveFeedSpec primary = spec(n, instrument, seed, n.get("validation"));
        LiveFeedSpec secondary = null;
        if (!n.get("secondary").isMissing()) {
            ConfigNode s = n.get("secondary");
            s.object("source", "symbol", "channels", "url", "rest-url", "max-gap-ms");
            secondary = spec(s, instrument, seed + 1, n.get("validation"));
        }
        long failover = n.get("failover-after-ms").integer(5000);
        if (failover < 100) {
            throw n.get("failover-after-ms").error("expected at least 100 ms, got " + failover);
        }
        if (secondary == null && !n.get("failover-after-ms").isMissing()) {
            throw n.get("failover-after-ms").error("fails over to data[].secondary, which is missing");
        }
        return new BacktestConfig.LiveFeed(n.path(), primary, secondary, Duration.ofMillis(failover));
    }

    private static LiveFeedSpec spec(ConfigNode n, Instrument instrument, long seed, ConfigNode validationNode) {
        String validation = validationNode.choice("repair", "strict", "repair", "skip");
        String exchange = n.get("source").choice(null, "binance", "bybit");
        String symbol = n.get("symbol").text();
        if (!symbol.matches("[A-Za-z0-9]{2,30}")) {
            throw n.get("symbol")
                    .error("expected the exchange's symbol (letters and digits, e.g. BTCUSDT), got '" + symbol + "'");
        }
        boolean trades = false;
        boolean book = false;
        String klines = null;
        for (ConfigNode c : n.get("channels").list()) {
            String ch = c.text();
            if (ch.equals("trades")) {
                trades = true;
            } else if (ch.equals("book")) {
                book = true;
            } else if (ch.startsWith("klines:")) {
                String interval = ch.substring(7);
                boolean known = exchange.equals("binance")
                        ? LiveSources.binanceInterval(interval)
                        : LiveSources.bybitInterval(interval);
                if (!known) {
                    throw c.error("'" + interval + "' is not a " + exchange + " kline interval (e.g. 1m, 5m, 1h, 1d)");
                }
                klines = interval;
            } else {
                throw c.error("unknown channel '" + ch + "' (expected trades, klines:<interval> or book)");
            }
        }
        URI ws = uri(n.get("url"), STREAM.get(exchange), "ws", "wss");
        URI rest =
                exchange.equals("binance") ? uri(n.get("rest-url"), "https://api.binance.com", "http", "https") : null;
        if (exchange.equals("bybit") && !n.get("rest-url").isMissing()) {
            throw n.get("rest-url").error("Bybit's book comes whole on the stream: no REST snapshot to fetch");
        }
        long maxGap = n.get("max-gap-ms").integer(30_000);
        if (maxGap < 100) {
            throw n.get("max-gap-ms").error("expected at least 100 ms, got " + maxGap);
        }
        boolean t = trades;
        boolean b = book;
        String k = klines;
        return ConfigNode.value(
                n,
                () -> new LiveFeedSpec(
                        exchange,
                        instrument,
                        symbol.toUpperCase(java.util.Locale.ROOT),
                        t,
                        k,
                        b,
                        ws,
                        rest,
                        Duration.ofMillis(maxGap),
                        Duration.ofMillis(250),
                        Duration.ofSeconds(30),
                        seed,
                        validation));
    }

    private static URI uri(ConfigNode n, String fallback, String... schemes) {
        String text = n.text(fallback);
        try {
            URI u = URI.create(text);
            if (u.getScheme() == null || !java.util.List.of(schemes).contains(u.getScheme()) || u.getHost() == null) {
                throw n.error("expected a " + String.join(" or ", schemes) + ":// address, got '" + text + "'");
            }
            return u;
        } catch (IllegalArgumentException e) {
            throw n.error("expected a " + String.join(" or ", schemes) + ":// address, got '" + text + "'");
        }
    }
}
