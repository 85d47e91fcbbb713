package io.eventdesk.domain.portfolio;

import io.eventdesk.domain.instrument.InstrumentId;
import io.eventdesk.domain.value.Money;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import java.math.BigDecimal;

/**
 * A snapshot of one position.
 *
 * @param costBasis what the open quantity cost, signed like the quantity (average-cost method)
 * @param averagePrice {@code costBasis / (quantity × multiplier)}, or {@code null} when flat
 * @param lastPrice the last mark, or {@code null} before the first
 */
public record PositionView(
        InstrumentId instrument,
        Quantity quantity,
        Money costBasis,
        BigDecimal averagePrice,
        Price lastPrice,
        Money marketValue,
        Money unrealizedPnl,
        Money realizedPnl) {}
