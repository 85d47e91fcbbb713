package io.eventdesk.domain.results;

import io.eventdesk.domain.instrument.InstrumentId;
import io.eventdesk.domain.order.OrderId;
import io.eventdesk.domain.value.Currency;
import io.eventdesk.domain.value.Quantity;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/**
 * One round trip of a strategy in an instrument: from the fill that took its position away from zero to the fill
 * that brought it back (a fill that flips the sign closes one trip and opens the next). Amounts are in the
 * instrument's quote currency; an open trip (at the end of the run) is marked at the last price.
 *
 * @param side LONG or SHORT
 * @param exitTime null while open
 * @param maxQuantity the largest absolute position held
 * @param averageEntryPrice the volume-weighted price of the fills that opened or added
 * @param averageExitPrice the volume-weighted price of the fills that reduced; null before the first
 * @param grossPnl realized plus (for an open trip) unrealized PnL, before fees
 * @param realizedPnl the part realized by reducing fills, by the account's lot method
 * @param fees the fees of every fill of the trip (a flipping fill's fee is shared pro rata by quantity)
 * @param netPnl gross less fees
 * @param returnOnEntry net PnL / the notional of the entry fills (maximum notional committed), null if none
 * @param mae the worst gross PnL while open (at the marks), zero or negative
 * @param mfe the best gross PnL while open (at the marks), zero or positive
 * @param fills how many fills the trip had
 */
public record RoundTrip(
        String strategyId,
        InstrumentId instrument,
        Currency currency,
        String side,
        Instant entryTime,
        Instant exitTime,
        Quantity maxQuantity,
        BigDecimal averageEntryPrice,
        BigDecimal averageExitPrice,
        BigDecimal grossPnl,
        BigDecimal realizedPnl,
        BigDecimal fees,
        BigDecimal netPnl,
        BigDecimal returnOnEntry,
        BigDecimal mae,
        BigDecimal mfe,
        int fills,
        OrderId entryOrderId,
        OrderId exitOrderId) {

    public boolean isOpen() {
        return exitTime == null;
    }

    /** How long it was held: to its exit, or to {@code end} while open. */
    public Duration holding(Instant end) {
        return Duration.between(entryTime, exitTime == null ? end : exitTime);
    }
}
