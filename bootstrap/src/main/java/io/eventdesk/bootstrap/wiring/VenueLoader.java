package io.eventdesk.bootstrap.wiring;

import io.eventdesk.bootstrap.config.VenueSpec;
import io.eventdesk.domain.error.BadInputException;
import io.eventdesk.domain.instrument.Instrument;
import io.eventdesk.domain.port.ExecutionVenuePort;
import io.eventdesk.domain.strategy.StrategyParameters;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.List;

/**
 * Makes the venue {@code venue.class} names — a user's own {@link ExecutionVenuePort}, in place of the paper venue —
 * found among the plugins ({@link Plugins}). Its public constructor takes the run's instruments and its
 * {@code venue.params} ({@code (List<Instrument>, StrategyParameters)}), or the instruments alone, or nothing. A
 * class that is missing, of the wrong type, without such a constructor, or whose constructor throws is one line
 * naming {@code venue.class} and the class (exit 2): a venue that cannot start is a setup problem, found before
 * the run begins.
 */
public final class VenueLoader {
    private VenueLoader() {}

    public static ExecutionVenuePort load(
            String source, VenueSpec spec, List<Instrument> instruments, ClassLoader classes) {
        Class<? extends ExecutionVenuePort> cls =
                Plugins.find(source, spec.key(), spec.className(), ExecutionVenuePort.class, classes);
        try {
            try {
                Constructor<? extends ExecutionVenuePort> full =
                        cls.getConstructor(List.class, StrategyParameters.class);
                return full.newInstance(List.copyOf(instruments), spec.params());
            } catch (NoSuchMethodException e) {
                if (!spec.params().asMap().isEmpty()) {
                    throw bad(
                            source,
                            spec,
                            spec.className() + " takes no venue.params (it has no constructor"
                                    + " taking (List<Instrument>, StrategyParameters))");
                }
            }
            try {
                return cls.getConstructor(List.class).newInstance(List.copyOf(instruments));
            } catch (NoSuchMethodException e) {
                return cls.getConstructor().newInstance();
            }
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof BadInputException b) {
                throw b.in(source);
            }
            Throwable cause = e.getCause();
            throw bad(
                    source,
                    spec,
                    "venue " + spec.className() + " failed to start: its constructor threw "
                            + cause.getClass().getSimpleName()
                            + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
        } catch (NoSuchMethodException | InstantiationException | IllegalAccessException e) {
            throw bad(
                    source,
                    spec,
                    spec.className() + " needs a public constructor taking (List<Instrument>,"
                            + " StrategyParameters), (List<Instrument>), or nothing");
        }
    }

    private static BadInputException bad(String source, VenueSpec spec, String problem) {
        return new BadInputException(source, 0, spec.key(), problem);
    }
}
