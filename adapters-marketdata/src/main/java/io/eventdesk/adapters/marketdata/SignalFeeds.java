package io.eventdesk.adapters.marketdata;

import io.eventdesk.domain.instrument.Instrument;
import io.eventdesk.domain.instrument.InstrumentId;
import io.eventdesk.domain.port.SignalFeedPort;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The entry point for signals produced outside the desk. The file holds one JSON object per line, in time order:
 * {@code signal_id}, {@code time}, {@code strategy_id}, {@code instrument}, {@code side} ({@code BUY}, {@code SELL},
 * {@code FLAT}), {@code confidence} (0..1), {@code target_exposure} (signed fraction of equity) or {@code quantity}
 * (the target position's size in the side's direction), {@code time_horizon}, {@code constraints.max_slippage_bps},
 * {@code constraints.max_notional}, and an optional {@code order} object ({@code type} MARKET or LIMIT,
 * {@code limit_price}, {@code time_in_force} GTC or DAY). Unknown fields are errors.
 */
public final class SignalFeeds {
    private SignalFeeds() {}

    public static SignalFeedPort jsonLines(Path file, Collection<Instrument> instruments) {
        Map<InstrumentId, Instrument> byId = new LinkedHashMap<>();
        instruments.forEach(i -> byId.put(i.id(), i));
        return new JsonLinesSignalFeed(file, byId);
    }
}
