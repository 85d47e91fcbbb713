package io.eventdesk.domain.market;

import io.eventdesk.domain.instrument.InstrumentId;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import java.time.Instant;

/**
 * An OHLC bar covering {@code [openTime, closeTime)}. It becomes known at its close. Volume is absent
 * ({@code null}) when the source has none.
 */
public record Bar(
        InstrumentId instrument,
        Instant openTime,
        Instant closeTime,
        Price open,
        Price high,
        Price low,
        Price close,
        Quantity volume)
        implements MarketData {

    public Bar {
        if (instrument == null || openTime == null || closeTime == null) {
            throw new IllegalArgumentException("bar needs an instrument, an open time and a close time");
        }
        if (!closeTime.isAfter(openTime)) {
            throw new IllegalArgumentException(
                    "bar close time " + closeTime + " must be after its open time " + openTime);
        }
        if (!open.isPositive() || !high.isPositive() || !low.isPositive() || !close.isPositive()) {
            throw new IllegalArgumentException(
                    "bar prices must be positive: O=" + open + " H=" + high + " L=" + low + " C=" + close);
        }
        if (high.isBelow(low)) {
            throw new IllegalArgumentException("bar high " + high + " is below its low " + low);
        }
        if (open.isAbove(high) || open.isBelow(low) || close.isAbove(high) || close.isBelow(low)) {
            throw new IllegalArgumentException(
                    "bar open " + open + " and close " + close + " must lie within low " + low + " and high " + high);
        }
        if (volume != null && volume.isNegative()) {
            throw new IllegalArgumentException("bar volume must not be negative, got " + volume);
        }
    }

    @Override
    public Instant knownTime() {
        return closeTime;
    }
}
