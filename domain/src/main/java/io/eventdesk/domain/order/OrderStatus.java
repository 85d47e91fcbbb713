package io.eventdesk.domain.order;

/** Where an order is in its life cycle. See {@link OrderStateTable} for how it moves. */
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

    /** A closed order never changes again: DENIED, REJECTED, CANCELED, EXPIRED, FILLED. */
    public boolean isClosed() {
        return closed;
    }
}
