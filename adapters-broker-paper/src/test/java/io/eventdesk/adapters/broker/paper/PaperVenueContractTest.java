package io.eventdesk.adapters.broker.paper;

import io.eventdesk.domain.instrument.Instrument;
import io.eventdesk.domain.port.ExecutionVenuePort;
import io.eventdesk.testkit.ExecutionVenueContract;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/** The paper venue passes the contract every venue adapter must pass. */
class PaperVenueContractTest extends ExecutionVenueContract {
    @Override
    public ExecutionVenuePort frictionlessVenue(List<Instrument> instruments, Duration latency) {
        return PaperVenues.create(new PaperVenueConfig(latency, BigDecimal.ZERO, CommissionModel.none()), instruments);
    }

    @Override
    public ExecutionVenuePort venueWithCosts(List<Instrument> instruments, Costs costs) {
        return PaperVenues.create(
                new PaperVenueConfig(
                        Duration.ZERO, costs.slippageBps(), new CommissionModel.Bps(costs.feeBps(), BigDecimal.ZERO)),
                instruments);
    }
}
