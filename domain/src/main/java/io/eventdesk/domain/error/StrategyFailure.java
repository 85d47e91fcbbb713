package io.eventdesk.domain.error;

/**
 * A user's strategy failed: it threw, returned {@code null}, raised a signal for an instrument the run does not
 * trade, asked to change an order that is not its own, ran out of stack or memory, or could not start. The message
 * is one line naming the strategy, what it was handling (the market event's instrument and time) and what it did.
 * It is the strategy's bug, not bad input: the CLI exits 1.
 */
public final class StrategyFailure extends RuntimeException {
    public StrategyFailure(String message, Throwable cause) {
        super(message, cause);
    }

    public StrategyFailure(String message) {
        super(message);
    }

    /** {@code cause} in a few words: its type and message, without a stack. */
    public static String describe(Throwable cause) {
        String m = cause.getMessage();
        return cause.getClass().getSimpleName()
                + (m == null || m.isBlank() ? "" : ": " + m.lines().findFirst().orElse(""));
    }
}
