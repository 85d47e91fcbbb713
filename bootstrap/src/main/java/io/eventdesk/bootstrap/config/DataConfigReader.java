package io.eventdesk.bootstrap.config;

import io.eventdesk.adapters.marketdata.BarTime;
import io.eventdesk.adapters.marketdata.DataKind;
import io.eventdesk.adapters.marketdata.DataSource;
import io.eventdesk.adapters.marketdata.ValidationPolicy;
import io.eventdesk.domain.instrument.Instrument;
import io.eventdesk.domain.instrument.InstrumentId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads one entry of the {@code data} list into a {@link DataSource}. */
final class DataConfigReader {
    private static final Set<String> FIELDS = Set.of(
            "time",
            "open",
            "high",
            "low",
            "close",
            "volume",
            "price",
            "size",
            "side",
            "bid",
            "ask",
            "bid_size",
            "ask_size",
            "update_type",
            "update_id");

    private DataConfigReader() {}

    static DataSource read(ConfigNode n, Map<InstrumentId, Instrument> instruments, Path base) {
        n.object(
                "instrument",
                "kind",
                "path",
                "bid-path",
                "ask-path",
                "columns",
                "timezone",
                "time-format",
                "bar-time",
                "interval",
                "bar-interval",
                "max-gap",
                "validation",
                "secondary");
        Instrument ins = InstrumentsConfigReader.known(instruments, n.get("instrument"));
        DataKind kind = DataKind.valueOf(n.get("kind")
                .choice("bars", "bars", "trades", "quotes", "quote-bars", "book")
                .toUpperCase(Locale.ROOT)
                .replace('-', '_'));
        Path path;
        Path askPath = null;
        if (kind == DataKind.QUOTE_BARS) {
            if (!n.get("path").isMissing()) {
                throw n.get("path").error("quote bars come as bid-path and ask-path, not path");
            }
            path = file(n.get("bid-path"), base);
            askPath = file(n.get("ask-path"), base);
        } else {
            for (String key : new String[] {"bid-path", "ask-path"}) {
                if (!n.get(key).isMissing()) {
                    throw n.get(key).error("only kind: quote-bars has " + key + "; use path");
                }
            }
            path = file(n.get("path"), base);
        }
        Map<String, String> columns = new LinkedHashMap<>();
        if (!n.get("columns").isMissing()) {
            n.get("columns").entries().forEach((field, name) -> {
                if (!FIELDS.contains(field)) {
                    throw name.error(
                            "unknown field; expected some of " + String.join(", ", new java.util.TreeSet<>(FIELDS)));
                }
                columns.put(field, name.text());
            });
        }
        ZoneId zone = n.get("timezone").isMissing()
                ? null
                : ConfigNode.value(
                        n.get("timezone"), () -> ZoneId.of(n.get("timezone").text()));
        String format =
                n.get("time-format").isMissing() ? null : n.get("time-format").text();
        if (format != null && !format.startsWith("epoch-")) {
            ConfigNode.value(n.get("time-format"), () -> java.time.format.DateTimeFormatter.ofPattern(format));
        } else if (format != null
                && !Set.of("epoch-s", "epoch-ms", "epoch-us", "epoch-ns").contains(format)) {
            throw n.get("time-format")
                    .error("expected epoch-s, epoch-ms, epoch-us, epoch-ns or a date-time pattern, got '" + format
                            + "'");
        }
        BarTime barTime = BarTime.valueOf(
                n.get("bar-time").choice("auto", "auto", "open", "close").toUpperCase(Locale.ROOT));
        if (!n.get("interval").isMissing() && !n.get("bar-interval").isMissing()) {
            throw n.get("bar-interval").error("give either interval or bar-interval, not both");
        }
        Duration interval = duration(n.get("interval").isMissing() ? n.get("bar-interval") : n.get("interval"));
        Duration maxGap = duration(n.get("max-gap"));
        ValidationPolicy policy = ValidationPolicy.valueOf(
                n.get("validation").choice("strict", "strict", "repair", "skip").toUpperCase(Locale.ROOT));
        Path secondary = n.get("secondary").isMissing() ? null : file(n.get("secondary"), base);
        Path bidOrOnly = path;
        Path ask = askPath;
        return ConfigNode.value(
                n,
                () -> new DataSource(
                        ins, kind, bidOrOnly, ask, columns, zone, format, barTime, interval, maxGap, policy,
                        secondary));
    }

    private static Path file(ConfigNode n, Path base) {
        Path path = base.resolve(n.text()).normalize();
        if (!Files.isRegularFile(path)) {
            throw n.error("file not found: " + path);
        }
        return path;
    }

    private static Duration duration(ConfigNode n) {
        if (n.isMissing()) {
            return null;
        }
        Duration d = ConfigNode.value(n, () -> Duration.parse(n.text()));
        if (d.isNegative() || d.isZero()) {
            throw n.error("must be a positive duration, got " + d);
        }
        return d;
    }
}
