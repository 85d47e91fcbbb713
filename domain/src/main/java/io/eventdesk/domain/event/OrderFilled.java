package io.eventdesk.domain.event;

import io.eventdesk.domain.instrument.InstrumentId;
import io.eventdesk.domain.order.Liquidity;
import io.eventdesk.domain.order.OrderId;
import io.eventdesk.domain.value.Money;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import io.eventdesk.domain.value.Side;
import java.time.Instant;

/**
 * A fill: the only thing that changes a position.
 *
 * @param price the execution price, slippage included
 * @param slippage how much worse than the reference price (open or limit) the execution was, per unit
 * @param fee the commission charged, in the instrument's currency
 * @param liquidity whether the order rested (maker) or crossed (taker)
 */
public record OrderFilled(
        long sequence,
        Instant time,
        OrderId orderId,
        String fillId,
        String strategyId,
        InstrumentId instrument,
        Side side,
        Quantity quantity,
        Price price,
        Price slippage,
        Money fee,
        Liquidity liquidity)
        implements OrderEvent {

    public OrderFilled {
        if (quantity == null || !quantity.isPositive()) {
            throw new IllegalArgumentException("fill quantity must be positive, got " + quantity);
        }
        if (price == null || !price.isPositive()) {
            throw new IllegalArgumentException("fill price must be positive, got " + price);
        }
        if (liquidity == null) {
            throw new IllegalArgumentException("a fill is either MAKER or TAKER");
        }
        if (fee == null || fee.isNegative()) {
            throw new IllegalArgumentException("fill fee must not be negative, got " + fee);
        }
    }

    /** The quantity signed by side: positive for a buy. */
    public Quantity signedQuantity() {
        return side.signed(quantity);
    }
}
