package io.eventdesk.adapters.broker.paper;

import io.eventdesk.domain.instrument.Instrument;
import io.eventdesk.domain.instrument.InstrumentId;
import io.eventdesk.domain.order.Liquidity;
import io.eventdesk.domain.value.Money;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import java.util.Map;

/** The commission model per instrument, with a default for the others. */
public record FeeSchedule(CommissionModel defaultModel, Map<InstrumentId, CommissionModel> perInstrument) {
    public FeeSchedule {
        if (defaultModel == null) {
            throw new IllegalArgumentException(
                    "a fee schedule needs a default model (CommissionModel.none() for none)");
        }
        perInstrument = perInstrument == null ? Map.of() : Map.copyOf(perInstrument);
    }

    /** One model for every instrument. */
    public static FeeSchedule of(CommissionModel model) {
        return new FeeSchedule(model, Map.of());
    }

    public CommissionModel modelFor(InstrumentId instrument) {
        return perInstrument.getOrDefault(instrument, defaultModel);
    }

    public Money fee(Instrument instrument, Quantity quantity, Price price, Liquidity liquidity) {
        return modelFor(instrument.id()).fee(instrument, quantity, price, liquidity);
    }
}
