package io.eventdesk.domain.testing;

import io.eventdesk.domain.instrument.AssetClass;
import io.eventdesk.domain.instrument.Instrument;
import io.eventdesk.domain.instrument.InstrumentId;
import io.eventdesk.domain.value.Currency;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;

/** Test instruments. */
public final class Instruments {
    public static final Currency USD = Currency.of("USD");

    private Instruments() {}

    /** An equity quoted in USD, tick 0.01, lot 1. */
    public static Instrument equity(String id) {
        return new Instrument(
                InstrumentId.of(id), AssetClass.EQUITY, USD, Price.of("0.01"), Quantity.of(1), Quantity.of(1));
    }

    /** A future quoted in USD, tick 0.25, lot 1, the given multiplier. */
    public static Instrument future(String id, long multiplier) {
        return new Instrument(
                InstrumentId.of(id), AssetClass.FUTURE, USD, Price.of("0.25"), Quantity.of(1), Quantity.of(multiplier));
    }

    /** A crypto pair quoted in USD, tick 0.1, lot 0.001. */
    public static Instrument crypto(String id) {
        return new Instrument(
                InstrumentId.of(id), AssetClass.CRYPTO, USD, Price.of("0.1"), Quantity.of("0.001"), Quantity.of(1));
    }
}
