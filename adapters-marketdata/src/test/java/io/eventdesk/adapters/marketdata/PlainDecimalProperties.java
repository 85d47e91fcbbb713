package io.eventdesk.adapters.marketdata;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventdesk.domain.instrument.AssetClass;
import io.eventdesk.domain.instrument.Instrument;
import io.eventdesk.domain.instrument.InstrumentId;
import io.eventdesk.domain.market.Bar;
import io.eventdesk.domain.market.MarketData;
import io.eventdesk.domain.port.MarketDataFeedPort;
import io.eventdesk.domain.value.Currency;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Differential: a file of plain decimals (read by the fast path straight into mantissas) gives exactly the bars of
 * the same values written in scientific notation (which only the exact {@code BigDecimal} path reads): the same
 * prices on the same grid at the same scale, the same volumes, the same data-quality counts.
 */
class PlainDecimalProperties {
    @Property(tries = 60)
    void shouldReadPlainDecimalsAsTheExactPathDoes_whenAnyPricesAndVolumesAreRead(
            @ForAll("ticks") String tick, @ForAll("values") List<BigDecimal> values) throws IOException {
        Instrument instrument = new Instrument(
                InstrumentId.of("X"),
                AssetClass.CRYPTO,
                Currency.of("USD"),
                Price.of(tick),
                Quantity.of("0.001"),
                Quantity.of(1));
        assertThat(read(instrument, values, false)).isEqualTo(read(instrument, values, true));
    }

    @Provide
    Arbitrary<String> ticks() {
        return Arbitraries.of("1", "0.5", "0.25", "0.1", "0.01", "0.001", "0.00001", "0.00000001");
    }

    @Provide
    Arbitrary<List<BigDecimal>> values() {
        return Arbitraries.oneOf(
                        Arbitraries.bigDecimals()
                                .between(new BigDecimal("0.00000001"), new BigDecimal("999999999"))
                                .ofScale(8),
                        Arbitraries.bigDecimals()
                                .between(BigDecimal.ONE, new BigDecimal("100000"))
                                .ofScale(2),
                        Arbitraries.integers().between(1, 100000).map(BigDecimal::valueOf))
                .list()
                .ofMinSize(4)
                .ofMaxSize(40);
    }

    /** Each value as a bar's four prices and its volume, plain or in scientific notation; what the feed gives. */
    private static List<String> read(Instrument instrument, List<BigDecimal> values, boolean scientific)
            throws IOException {
        Path file = Files.createTempFile("plain", ".csv");
        try {
            StringBuilder csv = new StringBuilder("timestamp,open,high,low,close,volume\n");
            Instant t = Instant.parse("2024-01-02T00:00:00Z");
            for (BigDecimal v : values) {
                String text = scientific ? String.format("%sE0", v.toPlainString()) : v.toPlainString();
                csv.append(t).append(',');
                csv.append(text)
                        .append(',')
                        .append(text)
                        .append(',')
                        .append(text)
                        .append(',')
                        .append(text);
                csv.append(',').append(text).append('\n');
                t = t.plus(Duration.ofMinutes(1));
            }
            Files.writeString(file, csv);
            List<String> out = new ArrayList<>();
            DataQualityReport quality = new DataQualityReport();
            DataSource source = new DataSource(
                    instrument,
                    DataKind.BARS,
                    file,
                    null,
                    java.util.Map.of(),
                    null,
                    null,
                    BarTime.OPEN,
                    Duration.ofMinutes(1),
                    null,
                    ValidationPolicy.REPAIR,
                    null);
            try (MarketDataFeedPort feed = MarketDataFeeds.openInline(List.of(source), quality)) {
                while (feed.hasNext()) {
                    MarketData d = feed.next();
                    Bar b = (Bar) d;
                    out.add(b.open().units() + "/" + b.open().scale() + " "
                            + b.close().units() + "/"
                            + b.close().scale() + " "
                            + (b.volume() == null
                                    ? "-"
                                    : b.volume().units() + "/" + b.volume().scale()));
                }
            } catch (RuntimeException e) {
                out.add("error: " + e.getMessage());
            }
            // messages quote the field as written: compare them without the notation
            out.add(quality.toMap().toString().replace(file.toString(), "FILE").replace("E0", ""));
            return out;
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
