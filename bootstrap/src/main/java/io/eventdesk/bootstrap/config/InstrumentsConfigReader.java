package io.eventdesk.bootstrap.config;

import io.eventdesk.domain.instrument.AssetClass;
import io.eventdesk.domain.instrument.Instrument;
import io.eventdesk.domain.instrument.InstrumentId;
import io.eventdesk.domain.portfolio.AccountSettings;
import io.eventdesk.domain.portfolio.FxRateGraph;
import io.eventdesk.domain.value.Currency;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads {@code instruments}: each instrument, validated by its own constructor, and every currency held or traded
 * checked against the account's {@link FxRateGraph} (a pair in the run or a fixed rate prices it).
 */
final class InstrumentsConfigReader {
    private InstrumentsConfigReader() {}

    static Map<InstrumentId, Instrument> read(ConfigNode root, AccountSettings accountSettings) {
        Currency baseCurrency = accountSettings.base();
        Map<InstrumentId, Instrument> instruments = new LinkedHashMap<>();
        for (ConfigNode n : root.get("instruments").list()) {
            Instrument i = instrument(n, baseCurrency);
            if (instruments.put(i.id(), i) != null) {
                throw n.get("id").error("instrument " + i.id() + " is defined twice");
            }
        }
        // every currency held or traded needs a way to the base currency: a pair in the run, or a fixed rate
        FxRateGraph rates = new FxRateGraph(
                baseCurrency, instruments.values(), accountSettings.fixedRates().keySet());
        List<ConfigNode> instrumentNodes = root.get("instruments").list();
        int index = 0;
        for (Instrument i : instruments.values()) {
            ConfigNode n = instrumentNodes.get(index++);
            for (Currency c : i.isCurrencyPair() ? List.of(i.currency(), i.baseCurrency()) : List.of(i.currency())) {
                if (!rates.canPrice(c)) {
                    throw n.get(i.isCurrencyPair() && c.equals(i.baseCurrency()) ? "base-currency" : "currency")
                            .error(c + " needs a rate to " + baseCurrency + ": trade a " + c + "/" + baseCurrency
                                    + " (or " + baseCurrency + "/" + c + ") pair in the run, or give fx-rates: {" + c
                                    + ": ...}");
                }
            }
        }
        for (Currency c : accountSettings.balances().keySet()) {
            if (!rates.canPrice(c)) {
                throw root.get("account")
                        .get("balances")
                        .get(c.code())
                        .error(c + " needs a rate to " + baseCurrency + ": trade a " + c + "/" + baseCurrency
                                + " pair in the run, or give fx-rates: {" + c + ": ...}");
            }
        }

        return instruments;
    }

    private static Instrument instrument(ConfigNode n, Currency base) {
        n.object(
                "id",
                "asset-class",
                "currency",
                "tick-size",
                "lot-size",
                "multiplier",
                "base-currency",
                "margin-initial",
                "margin-maintenance");
        InstrumentId id =
                ConfigNode.value(n.get("id"), () -> InstrumentId.of(n.get("id").text()));
        AssetClass assetClass = AssetClass.valueOf(n.get("asset-class")
                .choice(null, "equity", "future", "fx", "crypto")
                .toUpperCase(Locale.ROOT));
        Currency currency = ConfigNode.value(
                n.get("currency"), () -> Currency.of(n.get("currency").text(base.code())));
        Price tick = ConfigNode.value(
                n.get("tick-size"), () -> Price.of(n.get("tick-size").positiveDecimal()));
        Quantity lot = n.get("lot-size").isMissing()
                ? Quantity.of(1)
                : ConfigNode.value(
                        n.get("lot-size"), () -> Quantity.of(n.get("lot-size").positiveDecimal()));
        Quantity multiplier = n.get("multiplier").isMissing()
                ? Quantity.of(1)
                : ConfigNode.value(
                        n.get("multiplier"),
                        () -> Quantity.of(n.get("multiplier").positiveDecimal()));
        Currency pairBase = n.get("base-currency").isMissing()
                ? null
                : ConfigNode.value(
                        n.get("base-currency"),
                        () -> Currency.of(n.get("base-currency").text()));
        if (pairBase != null && assetClass != AssetClass.FX) {
            throw n.get("base-currency").error("only an fx pair has a base currency");
        }
        java.math.BigDecimal initial = n.get("margin-initial").isMissing()
                ? null
                : n.get("margin-initial").positiveDecimal();
        java.math.BigDecimal maintenance = n.get("margin-maintenance").isMissing()
                ? null
                : n.get("margin-maintenance").positiveDecimal();
        return ConfigNode.value(
                n,
                () -> new Instrument(id, assetClass, currency, tick, lot, multiplier, pairBase, initial, maintenance));
    }

    /** The instrument {@code n} names, or an error listing the defined ones. */
    static Instrument known(Map<InstrumentId, Instrument> instruments, ConfigNode n) {
        String id = n.text();
        for (Instrument i : instruments.values()) {
            if (i.id().value().equals(id)) {
                return i;
            }
        }
        throw n.error("unknown instrument '" + id + "' (defined: " + instruments.keySet() + ")");
    }
}
