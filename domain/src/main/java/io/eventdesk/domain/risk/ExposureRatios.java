package io.eventdesk.domain.risk;

import io.eventdesk.domain.value.FixedPoint;
import io.eventdesk.domain.value.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** Exact comparisons and wording of exposure / equity ratios, shared by the exposure rules. */
final class ExposureRatios {
    private ExposureRatios() {}

    /** Whether {@code exposure / equity > limit}, exactly. */
    static boolean above(long exposure, long equity, BigDecimal limit) {
        return BigDecimal.valueOf(exposure).compareTo(limit.multiply(BigDecimal.valueOf(equity))) > 0;
    }

    /** {@code "0.51 (gross exposure 5100 / equity 10000)"}. */
    static String describe(String what, long exposure, long equity) {
        BigDecimal ratio = BigDecimal.valueOf(exposure).divide(BigDecimal.valueOf(equity), 4, RoundingMode.HALF_EVEN);
        return ratio.stripTrailingZeros().toPlainString() + " (" + what + " " + money(exposure) + " / equity "
                + money(equity) + ")";
    }

    static String money(long units) {
        return FixedPoint.toPlainString(units, Money.SCALE);
    }
}
