package io.eventdesk.bootstrap.config;

import io.eventdesk.domain.portfolio.AccountSettings;
import io.eventdesk.domain.portfolio.AccountType;
import io.eventdesk.domain.portfolio.LotMethod;
import io.eventdesk.domain.portfolio.SessionSchedule;
import io.eventdesk.domain.value.Currency;
import io.eventdesk.domain.value.Money;
import java.math.BigDecimal;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Reads {@code account}, {@code fx-rates}, {@code accounting} and {@code session} into the account's settings. */
final class AccountConfigReader {
    private AccountConfigReader() {}

    static AccountSettings read(ConfigNode account, ConfigNode fxRates, ConfigNode accounting) {
        account.object("type", "base-currency", "initial-cash", "balances", "allow-short", "liquidate-on-margin-call");
        Currency base = ConfigNode.value(
                account.get("base-currency"),
                () -> Currency.of(account.get("base-currency").text()));
        AccountType type = AccountType.valueOf(
                account.get("type").choice("cash", "cash", "margin").toUpperCase(Locale.ROOT));
        Map<Currency, Money> balances = new LinkedHashMap<>();
        if (!account.get("initial-cash").isMissing()) {
            balances.put(base, Money.of(base, account.get("initial-cash").positiveDecimal()));
        }
        if (!account.get("balances").isMissing()) {
            account.get("balances").entries().forEach((code, amount) -> {
                Currency c = ConfigNode.value(amount, () -> Currency.of(code));
                if (balances.containsKey(c)) {
                    throw amount.error(c + " is given twice (initial-cash is the balance of " + base + ")");
                }
                balances.put(c, Money.of(c, amount.nonNegativeDecimal(BigDecimal.ZERO)));
            });
        }
        if (balances.isEmpty()) {
            throw account.get("initial-cash").error("missing (required): initial-cash or balances");
        }
        boolean allowShort = flag(account.get("allow-short"));
        boolean liquidate = flag(account.get("liquidate-on-margin-call"));
        if (liquidate && type != AccountType.MARGIN) {
            throw account.get("liquidate-on-margin-call").error("only a margin account has margin calls");
        }
        Map<Currency, BigDecimal> rates = new LinkedHashMap<>();
        if (!fxRates.isMissing()) {
            fxRates.entries().forEach((code, rate) -> {
                Currency c = ConfigNode.value(rate, () -> Currency.of(code));
                rates.put(c, rate.positiveDecimal());
            });
        }
        if (!accounting.isMissing()) {
            accounting.object("lot-method", "tax-rate");
        }
        LotMethod lots = LotMethod.valueOf(accounting
                .get("lot-method")
                .choice("average-cost", "average-cost", "fifo")
                .toUpperCase(Locale.ROOT)
                .replace('-', '_'));
        BigDecimal tax = accounting.get("tax-rate").isMissing()
                ? null
                : accounting.get("tax-rate").nonNegativeDecimal(null);
        if (tax != null && tax.compareTo(BigDecimal.ONE) >= 0) {
            throw accounting
                    .get("tax-rate")
                    .error("a fraction of realized gains in [0, 1), got " + tax.toPlainString());
        }
        return ConfigNode.value(
                account, () -> new AccountSettings(type, base, balances, allowShort, lots, tax, rates, liquidate));
    }

    static SessionSchedule session(ConfigNode n) {
        if (n.isMissing()) {
            return SessionSchedule.utcDays();
        }
        n.object("timezone", "start");
        ZoneId zone = ConfigNode.value(
                n.get("timezone"), () -> ZoneId.of(n.get("timezone").text("UTC")));
        LocalTime start = ConfigNode.value(
                n.get("start"), () -> LocalTime.parse(n.get("start").text("00:00")));
        return new SessionSchedule(zone, start);
    }

    private static boolean flag(ConfigNode n) {
        return n.choice("false", "true", "false").equals("true");
    }
}
