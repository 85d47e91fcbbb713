package io.eventdesk.adapters.marketdata.live;

import io.eventdesk.domain.port.LiveMarketDataPort;
import java.time.Duration;

/** The entry point of the live market data adapters: exchange streams, and failover between two sources. */
public final class LiveSources {
    private LiveSources() {}

    /** The exchange stream {@code spec} names (not yet started). */
    public static LiveMarketDataPort open(LiveFeedSpec spec) {
        return spec.exchange().equals("binance") ? new BinanceSpotSource(spec) : new BybitSource(spec);
    }

    /**
     * {@code primary}'s data while it flows, {@code secondary}'s while the primary is silent beyond {@code maxSilence},
     * and back; each switch told to the listener.
     */
    public static LiveMarketDataPort failover(
            LiveMarketDataPort primary, LiveMarketDataPort secondary, Duration maxSilence) {
        return new FailoverSource(primary, secondary, maxSilence);
    }

    /** Several sources (one per instrument) as one. */
    public static LiveMarketDataPort all(java.util.List<LiveMarketDataPort> sources) {
        return sources.size() == 1 ? sources.get(0) : new AllSources(sources);
    }

    /** Whether Bybit knows the bar interval {@code interval} ({@code 1m}, {@code 1h}, {@code 1d}…). */
    public static boolean bybitInterval(String interval) {
        return BybitSource.knows(interval);
    }

    /** Whether Binance knows the bar interval {@code interval}. */
    public static boolean binanceInterval(String interval) {
        return java.util.Set.of(
                        "1s", "1m", "3m", "5m", "15m", "30m", "1h", "2h", "4h", "6h", "8h", "12h", "1d", "3d", "1w",
                        "1M")
                .contains(interval);
    }
}
