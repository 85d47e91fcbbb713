package io.eventdesk.domain.error;

/**
 * The user stopped the run (Ctrl-C, a termination signal): not a failure of the run's inputs or code. What was
 * decided until then is journaled, followed by {@code RunFailed} with this message.
 */
public final class RunStopped extends RuntimeException {
    /** How the reason of a stopped run's {@code RunFailed} begins. */
    public static final String REASON_PREFIX = "stopped by the user";

    private final String signal;

    public RunStopped(String signal, String where) {
        super(REASON_PREFIX + " (" + signal + ") " + where);
        this.signal = signal;
    }

    /** The signal's name, e.g. {@code SIGINT}. */
    public String signal() {
        return signal;
    }
}
