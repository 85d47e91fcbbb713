package io.eventdesk.domain.risk;

import io.eventdesk.domain.instrument.Instrument;
import io.eventdesk.domain.value.Money;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;

/** What a venue would charge to trade a quantity at a price: {@code venue::estimateFee} is one. */
@FunctionalInterface
public interface FeeEstimator {
    Money estimate(Instrument instrument, Quantity quantity, Price price);
}
