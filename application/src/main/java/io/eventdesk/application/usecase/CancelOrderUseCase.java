package io.eventdesk.application.usecase;

/** Asks the venue to cancel an open order of a running desk; the answer comes later, as the venue gives it. */
public interface CancelOrderUseCase {
    /**
     * @return false when no open order has this id (unknown, or closed already)
     */
    boolean cancel(String orderId, String reason);
}
