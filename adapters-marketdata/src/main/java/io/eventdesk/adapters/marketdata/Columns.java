package io.eventdesk.adapters.marketdata;

import io.eventdesk.domain.error.BadInputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds each field a kind of data needs in a header: by the explicit mapping of the config first, then by the usual
 * names (any case). A required field that cannot be found is an error naming the header and what was looked for.
 */
final class Columns {
    /** The names each field goes by in the files we know, in order of preference. */
    static final Map<String, List<String>> ALIASES = Map.ofEntries(
            Map.entry(
                    "time",
                    List.of(
                            "time",
                            "timestamp",
                            "timestamp_utc",
                            "date",
                            "datetime",
                            "open_time",
                            "end_time",
                            "close_time",
                            "ts_event",
                            "ts")),
            Map.entry("open", List.of("open", "o")),
            Map.entry("high", List.of("high", "h")),
            Map.entry("low", List.of("low", "l")),
            Map.entry("close", List.of("close", "c")),
            Map.entry("volume", List.of("volume", "vol", "v")),
            Map.entry("price", List.of("price", "trade_price", "last", "px")),
            Map.entry("size", List.of("size", "qty", "quantity", "amount", "volume")),
            Map.entry("side", List.of("side", "aggressor", "aggressor_side", "taker_side")),
            Map.entry("bid", List.of("bid", "bid_price", "bidprice", "best_bid")),
            Map.entry("ask", List.of("ask", "ask_price", "askprice", "best_ask", "offer")),
            Map.entry("bid_size", List.of("bid_size", "bid_qty", "bidsize", "bid_volume")),
            Map.entry("ask_size", List.of("ask_size", "ask_qty", "asksize", "ask_volume")),
            Map.entry("update_type", List.of("update_type", "type", "action")),
            Map.entry("update_id", List.of("last_update_id", "update_id", "sequence", "seq")));

    private final Map<String, Integer> index = new LinkedHashMap<>();
    private final Map<String, String> names = new LinkedHashMap<>();

    /**
     * @param required fields that must be present
     * @param optional fields used when present
     * @param explicit field → column name from the config
     */
    Columns(CsvTable table, List<String> required, List<String> optional, Map<String, String> explicit) {
        List<String> header = table.header();
        for (String field : explicit.keySet()) {
            if (!required.contains(field) && !optional.contains(field)) {
                throw new BadInputException(
                        table.file(),
                        table.headerLine(),
                        "columns." + field,
                        "unknown field; this kind of data has " + String.join(", ", required)
                                + (optional.isEmpty() ? "" : " and optionally " + String.join(", ", optional)));
            }
        }
        for (String field : concat(required, optional)) {
            String wanted = explicit.get(field);
            int at = -1;
            if (wanted != null) {
                at = header.indexOf(wanted.trim().toLowerCase(Locale.ROOT));
                if (at < 0) {
                    throw new BadInputException(
                            table.file(),
                            table.headerLine(),
                            "columns." + field,
                            "no column '" + wanted + "' in the header " + header);
                }
            } else {
                for (String alias : ALIASES.getOrDefault(field, List.of(field))) {
                    int i = header.indexOf(alias);
                    if (i >= 0 && !index.containsValue(i)) {
                        at = i;
                        break;
                    }
                }
            }
            if (at < 0 && required.contains(field)) {
                throw new BadInputException(
                        table.file(),
                        table.headerLine(),
                        "header",
                        "no '" + field + "' column; looked for " + ALIASES.getOrDefault(field, List.of(field)) + " in "
                                + header + " (name it with data[].columns." + field + ")");
            }
            if (at >= 0) {
                index.put(field, at);
                names.put(field, header.get(at));
            }
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    /** The column of {@code field}, or −1 when absent. */
    int of(String field) {
        return index.getOrDefault(field, -1);
    }

    /** The header name that {@code field} was found under, or null. */
    String nameOf(String field) {
        return names.get(field);
    }

    /** field → header name, for reports. */
    Map<String, String> mapping() {
        return Map.copyOf(names);
    }
}
