package io.eventdesk.domain.portfolio;

/** A portfolio invariant broke: always a bug, and it stops the run. */
public final class PortfolioInvariantViolation extends IllegalStateException {
    public PortfolioInvariantViolation(String message) {
        super(message);
    }
}
