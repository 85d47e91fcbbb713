package io.eventdesk.domain.portfolio;

import io.eventdesk.domain.instrument.Instrument;
import io.eventdesk.domain.instrument.InstrumentId;
import io.eventdesk.domain.value.Currency;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which currencies can be valued in the account's base currency, and how: the one answer used by config
 * validation and by the portfolio. A currency is priced by an FX pair traded in the run that quotes it against the
 * base (EUR/USD or USD/JPY for a USD account; the first such pair listed wins), else by a fixed rate, and the base
 * currency by itself. Rates are direct: a currency is not priced through a third one.
 */
public final class FxRateGraph {
    private final Currency base;
    private final Map<Currency, InstrumentId> pairs = new HashMap<>();
    private final Set<Currency> fixed;

    public FxRateGraph(Currency base, Collection<Instrument> instruments, Set<Currency> fixedRates) {
        this.base = base;
        this.fixed = Set.copyOf(fixedRates);
        for (Instrument i : instruments) {
            if (!i.isCurrencyPair()) {
                continue;
            }
            if (i.currency().equals(base)) {
                pairs.putIfAbsent(i.baseCurrency(), i.id());
            } else if (i.baseCurrency().equals(base)) {
                pairs.putIfAbsent(i.currency(), i.id());
            }
        }
    }

    /** The pair whose marks price {@code currency} in the base currency, if one is traded. */
    public Optional<InstrumentId> pairFor(Currency currency) {
        return Optional.ofNullable(pairs.get(currency));
    }

    /** Whether {@code currency} can be valued in the base currency: it is the base, a pair prices it, or a fixed rate. */
    public boolean canPrice(Currency currency) {
        return currency.equals(base) || pairs.containsKey(currency) || fixed.contains(currency);
    }

    /** The pairs whose marks move a rate. */
    public Set<InstrumentId> rateSources() {
        return Collections.unmodifiableSet(new HashSet<>(pairs.values()));
    }

    public Currency base() {
        return base;
    }
}
