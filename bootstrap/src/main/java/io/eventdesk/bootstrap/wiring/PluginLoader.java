package io.eventdesk.bootstrap.wiring;

import io.eventdesk.bootstrap.config.PluginSpec;
import io.eventdesk.domain.error.BadInputException;
import io.eventdesk.domain.error.StrategyFailure;
import io.eventdesk.domain.instrument.Instrument;
import io.eventdesk.domain.port.EventJournalPort;
import io.eventdesk.domain.port.ExecutionVenuePort;
import io.eventdesk.domain.port.MarketDataFeedPort;
import io.eventdesk.domain.strategy.StrategyParameters;
import java.lang.reflect.InvocationTargetException;
import java.util.List;

/**
 * Makes the venue, market data feeds and journal of the user's own that the config names ({@code venue.class},
 * {@code data[i].class}, {@code journal.class}), found among the plugins ({@link Plugins}). Each public constructor
 * is tried in this order: what the run gives the kind (the instruments for a venue, the instrument for a feed, the
 * run id for a journal) and the section's {@code params}; that alone; nothing. A class that is missing, of the wrong
 * type, without such a constructor, or whose constructor throws is one line naming the key and the class (exit 2):
 * a plugin that cannot start is a setup problem, found before the run begins.
 */
public final class PluginLoader {
    private PluginLoader() {}

    /** A venue: {@code (List<Instrument>, StrategyParameters)}, {@code (List<Instrument>)} or {@code ()}. */
    public static ExecutionVenuePort venue(
            String source, PluginSpec spec, List<Instrument> instruments, ClassLoader classes) {
        return create(source, spec, ExecutionVenuePort.class, "venue", List.class, List.copyOf(instruments), classes);
    }

    /** A market data feed: {@code (Instrument, StrategyParameters)}, {@code (Instrument)} or {@code ()}. */
    public static MarketDataFeedPort feed(String source, PluginSpec spec, Instrument instrument, ClassLoader classes) {
        return create(
                source, spec, MarketDataFeedPort.class, "market data feed", Instrument.class, instrument, classes);
    }

    /** A journal: {@code (String runId, StrategyParameters)}, {@code (String runId)} or {@code ()}. */
    public static EventJournalPort journal(String source, PluginSpec spec, String runId, ClassLoader classes) {
        return create(source, spec, EventJournalPort.class, "journal", String.class, runId, classes);
    }

    private static <T> T create(
            String source,
            PluginSpec spec,
            Class<T> type,
            String what,
            Class<?> argumentType,
            Object argument,
            ClassLoader classes) {
        Class<? extends T> cls = Plugins.find(source, spec.key(), spec.className(), type, classes);
        String given = argumentType.getSimpleName()
                + (argumentType == List.class ? "<Instrument>" : argumentType == String.class ? " runId" : "");
        try {
            try {
                return cls.getConstructor(argumentType, StrategyParameters.class)
                        .newInstance(argument, spec.params());
            } catch (NoSuchMethodException e) {
                if (!spec.params().asMap().isEmpty()) {
                    throw bad(
                            source,
                            spec,
                            spec.className() + " takes no params (it has no constructor taking (" + given
                                    + ", StrategyParameters))");
                }
            }
            try {
                return cls.getConstructor(argumentType).newInstance(argument);
            } catch (NoSuchMethodException e) {
                return cls.getConstructor().newInstance();
            }
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof BadInputException b) {
                throw b.in(source);
            }
            throw bad(
                    source,
                    spec,
                    what + " " + spec.className() + " failed to start: its constructor threw "
                            + StrategyFailure.describe(e.getCause()));
        } catch (NoSuchMethodException | InstantiationException | IllegalAccessException e) {
            throw bad(
                    source,
                    spec,
                    spec.className() + " needs a public constructor taking (" + given + ", StrategyParameters), ("
                            + given + "), or nothing");
        }
    }

    private static BadInputException bad(String source, PluginSpec spec, String problem) {
        return new BadInputException(source, 0, spec.key(), problem);
    }
}
