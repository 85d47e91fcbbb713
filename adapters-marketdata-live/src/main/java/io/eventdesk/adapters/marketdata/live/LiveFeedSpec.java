package io.eventdesk.adapters.marketdata.live;

import io.eventdesk.domain.instrument.Instrument;
import java.net.URI;
import java.time.Duration;

/**
 * One exchange stream of one instrument.
 *
 * @param exchange {@code binance} or {@code bybit}
 * @param symbol the exchange's symbol ({@code BTCUSDT})
 * @param trades whether to take the trade stream
 * @param klineInterval the bar interval to take ({@code 1m}, {@code 5m}, {@code 1h}…), or null for none; a bar is
 *     delivered when the exchange closes it
 * @param book whether to keep the order book (Binance: diff depth with the REST snapshot; Bybit: orderbook.N)
 * @param webSocket the stream's endpoint (Binance: the {@code /stream} base, e.g. {@code wss://stream.binance.com:9443};
 *     Bybit: e.g. {@code wss://stream.bybit.com/v5/public/spot})
 * @param rest Binance's REST base for depth snapshots (e.g. {@code https://api.binance.com}); null for Bybit
 * @param maxGap how long without any message before the stream is called silent (reported, then reconnected)
 * @param backoffBase the first reconnect's delay; each next one doubles, up to {@code backoffCap}, with jitter
 * @param seed the jitter's seed (reconnect delays are reproducible)
 * @param validation what a price or size off the instrument's grid does, as for files: {@code repair} (rounds it,
 *     counted), {@code skip} (drops the message, counted) or {@code strict} (ends the stream with the problem)
 */
public record LiveFeedSpec(
        String exchange,
        Instrument instrument,
        String symbol,
        boolean trades,
        String klineInterval,
        boolean book,
        URI webSocket,
        URI rest,
        Duration maxGap,
        Duration backoffBase,
        Duration backoffCap,
        long seed,
        String validation) {

    public LiveFeedSpec {
        if (!exchange.equals("binance") && !exchange.equals("bybit")) {
            throw new IllegalArgumentException("unknown exchange '" + exchange + "' (expected binance or bybit)");
        }
        if (!java.util.Set.of("strict", "repair", "skip").contains(validation)) {
            throw new IllegalArgumentException("unknown validation '" + validation + "' (strict, repair or skip)");
        }
        if (!trades && klineInterval == null && !book) {
            throw new IllegalArgumentException("no channel: take trades, klines or the book");
        }
        if (exchange.equals("binance") && book && rest == null) {
            throw new IllegalArgumentException("Binance's book needs its REST base for depth snapshots");
        }
    }

    /** Where it reads, for health and the journal. */
    public String describe() {
        return exchange + " " + symbol + " " + webSocket;
    }
}
