package com.example.desk;

import com.example.desk.adapters.venue.NextOpenVenue;
import io.eventdesk.domain.instrument.Instrument;
import io.eventdesk.domain.port.ExecutionVenuePort;
import io.eventdesk.testkit.ExecutionVenueContract;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/** This project's venue passes the contract every eventdesk venue must pass. */
class NextOpenVenueContractTest extends ExecutionVenueContract {
    @Override
    protected ExecutionVenuePort frictionlessVenue(List<Instrument> instruments, Duration latency) {
        return new NextOpenVenue(instruments, latency, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    @Override
    protected ExecutionVenuePort venueWithCosts(List<Instrument> instruments, Costs costs) {
        return new NextOpenVenue(instruments, Duration.ZERO, costs.slippageBps(), costs.feeBps());
    }
}
