package io.eventdesk.domain.order;

/** Where an order is in its life cycle. See {@code lifecycle.OrderStateTable} for how it moves. */
public enum OrderStatus {
    INITIALIZED(false),
    DENIED(true),
    SUBMITTED(false),
    ACCEPTED(false),
    REJECTED(true),
    PENDING_CANCEL(false),
    PENDING_REPLACE(false),
    PARTIALLY_FILLED(false),
    FILLED(true),
    CANCELED(true),
    EXPIRED(true);

    private final boolean closed;

    OrderStatus(boolean closed) {
        this.closed = closed;
    }

    /** PENDING_CANCEL or PENDING_REPLACE: a request about the order is on its way to the venue. */
    public boolean isPending() {
        return this == PENDING_CANCEL || this == PENDING_REPLACE;
    }

    /** A closed order never changes again: DENIED, REJECTED, CANCELED, EXPIRED, FILLED. */
    public boolean isClosed() {
        return closed;
    }
}
