package io.eventdesk.bootstrap;

import io.eventdesk.adapters.broker.paper.PaperVenueConfig;
import io.eventdesk.adapters.broker.paper.PaperVenues;
import io.eventdesk.adapters.persistence.EventJournals;
import io.eventdesk.adapters.persistence.RunArtifacts;
import io.eventdesk.application.usecase.BacktestRequest;
import io.eventdesk.domain.instrument.AssetClass;
import io.eventdesk.domain.instrument.Instrument;
import io.eventdesk.domain.instrument.InstrumentId;
import io.eventdesk.domain.risk.RiskLimits;
import io.eventdesk.domain.signal.SignalContract;
import io.eventdesk.domain.value.Currency;
import io.eventdesk.domain.value.Money;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The desk the session tests run: BTC on a frictionless paper venue, 100,000 USD, a SQLite journal. */
final class SessionFixtures {
    static final Instrument BTC = new Instrument(
            InstrumentId.of("BTC"),
            AssetClass.CRYPTO,
            Currency.of("USD"),
            Price.of("0.01"),
            Quantity.of("0.001"),
            Quantity.of(1));
    static final SignalContract CONTRACT = new SignalContract(Map.of(BTC.id(), BTC), Instant::parse);

    private SessionFixtures() {}

    /** A session's request named {@code name}, journaled to {@code dir/journal.db}. */
    static BacktestRequest request(Path dir, String name, String journal, RiskLimits limits) {
        return new BacktestRequest(
                name,
                7,
                Money.of("USD", "100000"),
                List.of(BTC),
                null,
                PaperVenues.create(PaperVenueConfig.frictionless(), List.of(BTC)),
                EventJournals.sqlite(dir.resolve(journal + ".db"), name),
                RunArtifacts.disabled(),
                Map.of(),
                limits);
    }
}
