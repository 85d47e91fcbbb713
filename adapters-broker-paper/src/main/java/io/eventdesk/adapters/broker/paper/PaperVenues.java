package io.eventdesk.adapters.broker.paper;

import io.eventdesk.domain.instrument.Instrument;
import io.eventdesk.domain.port.ExecutionVenuePort;
import java.util.Collection;

/** The entry point of the paper venue adapter. */
public final class PaperVenues {
    private PaperVenues() {}

    /** A paper venue trading {@code instruments} against bars, as {@code config} says. */
    public static ExecutionVenuePort create(PaperVenueConfig config, Collection<Instrument> instruments) {
        return new PaperVenue(config, instruments);
    }
}
