package io.eventdesk.adapters.marketdata.live;

import io.eventdesk.domain.instrument.Instrument;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Prices and sizes read exactly (text to decimal, never through a double) and put on the instrument's tick and lot
 * grid: a price off the grid is rounded to the nearest tick, a size down to the lot; each counted.
 */
final class Grid {
    private final Instrument instrument;
    final AtomicLong pricesRounded = new AtomicLong();
    final AtomicLong sizesRounded = new AtomicLong();

    Grid(Instrument instrument) {
        this.instrument = instrument;
    }

    Price price(String text) {
        BigDecimal p = new BigDecimal(text.trim());
        BigDecimal tick = instrument.tickSize().toBigDecimal();
        BigDecimal on = p.divide(tick, 0, RoundingMode.HALF_EVEN).multiply(tick);
        if (on.compareTo(p) != 0) {
            pricesRounded.incrementAndGet();
        }
        return Price.of(on.stripTrailingZeros());
    }

    Quantity size(String text) {
        BigDecimal q = new BigDecimal(text.trim());
        BigDecimal lot = instrument.lotSize().toBigDecimal();
        BigDecimal on = q.divide(lot, 0, RoundingMode.DOWN).multiply(lot);
        if (on.compareTo(q) != 0) {
            sizesRounded.incrementAndGet();
        }
        return Quantity.of(on.stripTrailingZeros());
    }
}
