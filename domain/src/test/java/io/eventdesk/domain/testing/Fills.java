package io.eventdesk.domain.testing;

import io.eventdesk.domain.event.OrderFilled;
import io.eventdesk.domain.instrument.Instrument;
import io.eventdesk.domain.order.Liquidity;
import io.eventdesk.domain.order.OrderId;
import io.eventdesk.domain.value.Money;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import io.eventdesk.domain.value.Side;
import java.time.Instant;

/** Test fills. */
public final class Fills {
    private static long counter;

    private Fills() {}

    public static OrderFilled fill(Instrument instrument, Side side, String quantity, String price, String fee) {
        long n = ++counter;
        return new OrderFilled(
                n,
                Bars.T0.plusSeconds(n),
                new OrderId(n),
                "F-" + n,
                "test",
                instrument.id(),
                side,
                Quantity.of(quantity),
                Price.of(price),
                new Price(0, 0),
                Money.of(instrument.currency(), new java.math.BigDecimal(fee)),
                Liquidity.TAKER);
    }

    public static OrderFilled buy(Instrument instrument, String quantity, String price) {
        return fill(instrument, Side.BUY, quantity, price, "0");
    }

    public static OrderFilled sell(Instrument instrument, String quantity, String price) {
        return fill(instrument, Side.SELL, quantity, price, "0");
    }

    public static Instant anyTime() {
        return Bars.T0;
    }
}
