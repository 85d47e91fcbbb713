package io.eventdesk.domain.testing;

import io.eventdesk.domain.instrument.InstrumentId;
import io.eventdesk.domain.market.Bar;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import java.time.Duration;
import java.time.Instant;

/** A test-data builder of bars: {@code Bars.aBar().of("AAPL").at(t).ohlc("10", "11", "9", "10.5").build()}. */
public final class Bars {
    public static final Instant T0 = Instant.parse("2024-01-02T00:00:00Z");

    private InstrumentId instrument = InstrumentId.of("AAPL");
    private Instant open = T0;
    private Duration interval = Duration.ofMinutes(1);
    private Price o = Price.of("100");
    private Price h = Price.of("100");
    private Price l = Price.of("100");
    private Price c = Price.of("100");
    private Quantity volume = Quantity.of(1000);

    public static Bars aBar() {
        return new Bars();
    }

    public Bars of(String instrumentId) {
        this.instrument = InstrumentId.of(instrumentId);
        return this;
    }

    public Bars of(InstrumentId instrumentId) {
        this.instrument = instrumentId;
        return this;
    }

    /** Opens at {@code T0 + minutes}. */
    public Bars atMinute(long minutes) {
        this.open = T0.plus(Duration.ofMinutes(minutes));
        return this;
    }

    public Bars opening(Instant open) {
        this.open = open;
        return this;
    }

    public Bars lasting(Duration interval) {
        this.interval = interval;
        return this;
    }

    public Bars ohlc(String open, String high, String low, String close) {
        this.o = Price.of(open);
        this.h = Price.of(high);
        this.l = Price.of(low);
        this.c = Price.of(close);
        return this;
    }

    /** A flat bar: open = high = low = close. */
    public Bars flat(String price) {
        return ohlc(price, price, price, price);
    }

    public Bars volume(String volume) {
        this.volume = volume == null ? null : Quantity.of(volume);
        return this;
    }

    public Bar build() {
        return new Bar(instrument, open, open.plus(interval), o, h, l, c, volume);
    }
}
