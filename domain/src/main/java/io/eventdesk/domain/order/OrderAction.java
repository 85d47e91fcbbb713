package io.eventdesk.domain.order;

/** What can happen to an order: the events of the state table. */
public enum OrderAction {
    DENY,
    SUBMIT,
    ACCEPT,
    REJECT,
    FILL,
    CANCEL,
    EXPIRE,
    PENDING_CANCEL,
    PENDING_REPLACE,
    REPLACE,
    REPLACE_REJECT,
    CANCEL_REJECT
}
