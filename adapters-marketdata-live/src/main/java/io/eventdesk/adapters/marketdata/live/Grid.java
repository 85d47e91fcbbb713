package io.eventdesk.adapters.marketdata.live;

import io.eventdesk.domain.instrument.Instrument;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Prices and sizes read exactly (text to decimal, never through a double) and put on the instrument's tick and lot
 * grid by the entry's validation policy, as the file readers do: {@code repair} rounds a price off the grid to the
 * nearest tick and a size down to the lot, each counted; {@code skip} and {@code strict} refuse the value
 * ({@link OffGrid}): the message is dropped and counted, or the stream ends.
 */
final class Grid {
    private final Instrument instrument;
    private final String policy;
    final AtomicLong pricesRounded = new AtomicLong();
    final AtomicLong sizesRounded = new AtomicLong();

    Grid(Instrument instrument, String policy) {
        this.instrument = instrument;
        this.policy = policy;
    }

    /** A value off the grid under {@code strict} or {@code skip}. */
    static final class OffGrid extends RuntimeException {
        OffGrid(String message) {
            super(message);
        }
    }

    private void offGrid(String what, String text, BigDecimal grid) {
        if (!policy.equals("repair")) {
            throw new OffGrid(
                    what + " " + text + " is off the " + instrument.id() + " grid of " + grid.toPlainString());
        }
    }

    Price price(String text) {
        BigDecimal p = new BigDecimal(text.trim());
        BigDecimal tick = instrument.tickSize().toBigDecimal();
        BigDecimal on = p.divide(tick, 0, RoundingMode.HALF_EVEN).multiply(tick);
        if (on.compareTo(p) != 0) {
            offGrid("the price", text, tick);
            pricesRounded.incrementAndGet();
        }
        return Price.of(on.stripTrailingZeros());
    }

    Quantity size(String text) {
        BigDecimal q = new BigDecimal(text.trim());
        BigDecimal lot = instrument.lotSize().toBigDecimal();
        BigDecimal on = q.divide(lot, 0, RoundingMode.DOWN).multiply(lot);
        if (on.compareTo(q) != 0) {
            offGrid("the size", text, lot);
            sizesRounded.incrementAndGet();
        }
        return Quantity.of(on.stripTrailingZeros());
    }
}
