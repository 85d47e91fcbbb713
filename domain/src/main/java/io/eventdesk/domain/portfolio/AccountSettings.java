package io.eventdesk.domain.portfolio;

import io.eventdesk.domain.value.Currency;
import io.eventdesk.domain.value.Money;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How the account is kept.
 *
 * @param base the currency figures are reported in
 * @param balances the starting balance of each currency (the base currency's may be zero)
 * @param allowShort whether a cash account may sell what it does not hold (a margin account always may)
 * @param taxRate the rate on realized gains, accrued at each session's end with losses carried forward; null for none
 * @param fixedRates fallback rates to the base currency (units of base per unit of the currency), used when no FX
 *     pair in the run prices a currency
 * @param liquidateOnMarginCall whether a margin call closes every position
 */
public record AccountSettings(
        AccountType type,
        Currency base,
        Map<Currency, Money> balances,
        boolean allowShort,
        LotMethod lotMethod,
        BigDecimal taxRate,
        Map<Currency, BigDecimal> fixedRates,
        boolean liquidateOnMarginCall) {

    public AccountSettings {
        if (type == null || base == null || lotMethod == null) {
            throw new IllegalArgumentException("an account needs a type, a base currency and a lot method");
        }
        Map<Currency, Money> copy = new LinkedHashMap<>();
        copy.put(base, Money.zero(base));
        if (balances != null) {
            balances.forEach((c, m) -> {
                if (!m.currency().equals(c)) {
                    throw new IllegalArgumentException("the balance of " + c + " is given in " + m.currency());
                }
                if (m.isNegative()) {
                    throw new IllegalArgumentException("starting balances must not be negative, got " + m);
                }
                copy.put(c, m);
            });
        }
        balances = java.util.Collections.unmodifiableMap(copy);
        if (taxRate != null && (taxRate.signum() < 0 || taxRate.compareTo(BigDecimal.ONE) >= 0)) {
            throw new IllegalArgumentException("the tax rate is a fraction in [0, 1), got " + taxRate.toPlainString());
        }
        fixedRates = fixedRates == null ? Map.of() : Map.copyOf(fixedRates);
        fixedRates.forEach((c, r) -> {
            if (r.signum() <= 0) {
                throw new IllegalArgumentException("the fixed rate of " + c + " must be positive, got " + r);
            }
        });
    }

    /** A cash account holding {@code initialCash}, average cost, no shorting, no tax. */
    public static AccountSettings cash(Money initialCash) {
        return new AccountSettings(
                AccountType.CASH,
                initialCash.currency(),
                Map.of(initialCash.currency(), initialCash),
                false,
                LotMethod.AVERAGE_COST,
                null,
                Map.of(),
                false);
    }

    /** The starting balance of the base currency. */
    public Money initialCash() {
        return balances.get(base);
    }
}
