package io.eventdesk.domain.value;

/** The side of an order or fill. */
public enum Side {
    BUY(1),
    SELL(-1);

    private final int sign;

    Side(int sign) {
        this.sign = sign;
    }

    /** {@code +1} for a buy, {@code -1} for a sell: the sign a fill of this side gives a position change. */
    public int sign() {
        return sign;
    }

    public Quantity signed(Quantity quantity) {
        return sign > 0 ? quantity : quantity.negate();
    }

    public static Side ofSign(int signum) {
        if (signum == 0) {
            throw new IllegalArgumentException("no side for a zero quantity");
        }
        return signum > 0 ? BUY : SELL;
    }
}
