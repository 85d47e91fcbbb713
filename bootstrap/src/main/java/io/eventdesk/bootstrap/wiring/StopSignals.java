package io.eventdesk.bootstrap.wiring;

import io.eventdesk.domain.error.RunStopped;
import io.eventdesk.domain.market.MarketData;
import io.eventdesk.domain.port.MarketDataFeedPort;
import sun.misc.Signal;

/**
 * Ctrl-C (SIGINT) and SIGTERM stop a run cleanly: the first one is remembered, and the run's feed ends it before its
 * next piece of market data with {@link RunStopped}, so what was decided is journaled and committed, the journal ends
 * in {@code RunFailed} saying so, and the run folder is marked {@code STOPPED}. A second signal ends the process at
 * once.
 */
public final class StopSignals {
    private static volatile String requested;
    private static volatile boolean installed;

    private StopSignals() {}

    /** Takes over SIGINT and SIGTERM for the rest of the process (the CLI's runs). */
    public static synchronized void install() {
        if (installed) {
            return;
        }
        installed = true;
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                Signal.handle(new Signal(name), s -> {
                    if (requested != null) {
                        Runtime.getRuntime().halt(exitCode("SIG" + s.getName()));
                    }
                    requested = "SIG" + s.getName();
                });
            } catch (IllegalArgumentException e) {
                // a platform without this signal: nothing to take over
            }
        }
    }

    /** The stop signal received (SIGINT, SIGTERM), or null. */
    public static String requested() {
        return requested;
    }

    /** The exit code a stop by {@code signal} ends with: 128 + its number, as shells report it. */
    public static int exitCode(String signal) {
        return signal.equals("SIGINT") ? 130 : 143;
    }

    /** {@code feed}, ending the run with {@link RunStopped} once a stop signal came. */
    static MarketDataFeedPort stoppable(MarketDataFeedPort feed) {
        return new MarketDataFeedPort() {
            private MarketData last;

            @Override
            public boolean hasNext() {
                String signal = requested;
                if (signal != null) {
                    throw new RunStopped(
                            signal,
                            last == null
                                    ? "before the first market data"
                                    : "after the market data of " + last.instrument() + " at " + last.knownTime());
                }
                return feed.hasNext();
            }

            @Override
            public MarketData next() {
                last = feed.next();
                return last;
            }

            @Override
            public String description() {
                return feed.description();
            }

            @Override
            public void close() {
                feed.close();
            }
        };
    }
}
