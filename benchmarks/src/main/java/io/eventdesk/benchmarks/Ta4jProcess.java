package io.eventdesk.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.TradingRecord;

/**
 * The ta4j side of the whole-process comparison: a program as a ta4j user would write it, reading the same CSV
 * (ISO open times, one-minute bars; decimals parsed exactly, as ta4j's default {@code DecimalNum} wants), building a
 * {@code BarSeries} and running the same SMA(10)/SMA(20) cross with next-open fills ({@link Ta4jSideBySide}'s rule).
 * Prints the number of trades.
 */
public final class Ta4jProcess {
    private Ta4jProcess() {}

    public static void main(String[] args) throws IOException {
        BarSeries series = new BaseBarSeriesBuilder().withName("BTC-PERP").build();
        Duration minute = Duration.ofMinutes(1);
        try (BufferedReader r = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
            r.readLine();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] f = line.split(",");
                Instant open = Instant.parse(f[0]);
                series.addBar(
                        minute,
                        open.plus(minute).atZone(ZoneOffset.UTC),
                        new BigDecimal(f[1]),
                        new BigDecimal(f[2]),
                        new BigDecimal(f[3]),
                        new BigDecimal(f[4]),
                        f.length > 5 && !f[5].isEmpty() ? new BigDecimal(f[5]) : BigDecimal.ZERO);
            }
        }
        TradingRecord record = Ta4jSideBySide.runTa4j(series);
        System.out.println(
                "ta4j: " + series.getBarCount() + " bars, " + record.getTrades().size() + " trades");
    }
}
