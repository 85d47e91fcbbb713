package io.eventdesk.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventdesk.adapters.marketdata.live.FixtureServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code eventdesk record} on a local Binance stream (trades, klines, the book): files in the layouts the readers
 * know, and a config that backtests them, every recorded piece of market data replayed.
 */
class RecordTest {
    @TempDir
    Path dir;

    private static int cli(StringWriter out, StringWriter err, String... args) {
        return EventdeskCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void shouldWriteFilesTheBacktestReplays_whenALiveStreamIsRecorded() throws Exception {
        Path config = dir.resolve("live.yaml");
        try (FixtureServer exchange =
                new FixtureServer(List.of("binance/normal.jsonl"), List.of("binance/snapshot-100.json"))) {
            Files.writeString(config, """
                    name: recorded-btc
                    account: {initial-cash: 100000, base-currency: USDT}
                    instruments:
                      - {id: BTC-USDT, asset-class: crypto, currency: USDT, tick-size: 0.01, lot-size: 0.00001}
                    data:
                      - {instrument: BTC-USDT, source: binance, symbol: BTCUSDT, channels: [trades, "klines:1m", book],
                         url: "%s", rest-url: "%s"}
                    strategy: {type: sma-cross, params: {fast: 1, slow: 2, quantity: 0.001}}
                    """.formatted(exchange.webSocket(), exchange.rest()));
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int exit = cli(
                    out,
                    err,
                    "record",
                    "--config",
                    config.toString(),
                    "--out",
                    dir.resolve("rec").toString(),
                    "--for",
                    "PT3S");
            assertThat(exit).as(err.toString()).isZero();
            assertThat(out.toString()).contains("recorded 7 pieces of market data");
        }
        Path rec = dir.resolve("rec");
        assertThat(Files.readAllLines(rec.resolve("BTC-USDT-trades.csv")))
                .containsExactly(
                        "time,price,size,side",
                        "2023-01-01T00:00:00.100Z,16500.1,0.01,buy",
                        "2023-01-01T00:00:00.200Z,16500.2,0.02,sell",
                        "2023-01-01T00:00:00.300Z,16500.3,0.015,buy");
        assertThat(Files.readAllLines(rec.resolve("BTC-USDT-bars.csv")))
                .containsExactly(
                        "time,open,high,low,close,volume", "2023-01-01T00:00:00Z,16500.1,16501,16499,16500.3,0.045");
        List<String> book = Files.readAllLines(rec.resolve("BTC-USDT-book.csv"));
        assertThat(book.get(0)).isEqualTo("time,side,price,size,update_type,last_update_id");
        assertThat(book).hasSize(1 + 4 + 3 + 2);
        assertThat(book.get(1)).endsWith(",bid,16499,2,snapshot,100");

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = cli(
                out,
                err,
                "backtest",
                "--config",
                rec.resolve("recorded.yaml").toString(),
                "--out",
                dir.resolve("bt").toString(),
                "--quiet");
        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("7 market events");
    }
}
