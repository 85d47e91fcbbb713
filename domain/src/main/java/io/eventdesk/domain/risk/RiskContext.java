package io.eventdesk.domain.risk;

import io.eventdesk.domain.instrument.Instrument;
import io.eventdesk.domain.portfolio.PortfolioView;
import io.eventdesk.domain.value.Money;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;

/**
 * What the risk engine knows when it decides on one request.
 *
 * @param referencePrice the price the order is valued at: its limit, else the last known price; {@code null}
 *     when the instrument has no price yet
 * @param pendingQuantity the signed quantity of this instrument's open orders not yet filled
 * @param reservedCash what open buy orders will cost at their reference prices, fees included
 * @param estimatedFee the fee the venue would charge for this order at the reference price
 */
public record RiskContext(
        PortfolioView portfolio,
        Instrument instrument,
        Price referencePrice,
        Quantity pendingQuantity,
        Money reservedCash,
        Money estimatedFee) {

    /** The position if everything open and this request filled. */
    Quantity projectedPosition(Quantity signedRequest) {
        return portfolio.position(instrument.id()).plus(pendingQuantity).plus(signedRequest);
    }

    /** The position if everything already open filled. */
    Quantity committedPosition() {
        return portfolio.position(instrument.id()).plus(pendingQuantity);
    }
}
