package io.eventdesk.adapters.broker.paper;

import io.eventdesk.domain.instrument.Instrument;
import io.eventdesk.domain.order.OrderRequest;
import io.eventdesk.domain.order.OrderType;
import io.eventdesk.domain.portfolio.PositionChange;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import io.eventdesk.domain.value.Side;
import java.time.Instant;

/**
 * Why the venue refuses an order or a replace when it arrives, or null: off the lot or tick grid, a GTD time already
 * passed, a reduce-only order that would not reduce the position toward zero, a post-only order that would cross the
 * last known market, a market order that finds an empty side of the quoted book.
 */
final class ArrivalChecks {
    private ArrivalChecks() {}

    static String refusalOfNew(
            OrderRequest request, Instrument instrument, VenueBook book, Quantity position, Instant arrival) {
        String refusal = gridProblem(instrument, request.quantity(), request.limitPrice(), request.triggerPrice());
        if (refusal == null
                && request.expireTime() != null
                && !request.expireTime().isAfter(arrival)) {
            refusal = "GTD expire time " + request.expireTime() + " passed before the order arrived at " + arrival;
        }
        if (refusal == null && request.reduceOnly()) {
            refusal = reduceOnlyProblem(request, position);
        }
        if (refusal == null) {
            refusal = postOnlyProblem(request, book);
        }
        if (refusal == null && request.type() == OrderType.MARKET && book.quoted && !book.canTake(request.side())) {
            refusal = "no market: the book has no " + (request.side() == Side.BUY ? "ask" : "bid");
        }
        return refusal;
    }

    /** Why the replaced terms are refused on arrival, or null; {@code filled} is what the order has filled so far. */
    static String refusalOfReplace(OrderRequest replaced, Instrument instrument, VenueBook book, Quantity filled) {
        String refusal = gridProblem(instrument, replaced.quantity(), replaced.limitPrice(), replaced.triggerPrice());
        if (refusal == null && replaced.quantity().compareTo(filled) <= 0) {
            refusal = "the new quantity " + replaced.quantity() + " must exceed what has filled (" + filled + ")";
        }
        return refusal == null ? postOnlyProblem(replaced, book) : refusal;
    }

    private static String postOnlyProblem(OrderRequest request, VenueBook book) {
        if (request.postOnly() && book.marketable(request.side(), request.limitPrice())) {
            return "post-only " + request.side() + " at " + request.limitPrice() + " would cross the market ("
                    + book.describe() + ")";
        }
        return null;
    }

    static String gridProblem(Instrument instrument, Quantity quantity, Price limit, Price trigger) {
        if (!instrument.isOnLotGrid(quantity)) {
            return "quantity " + quantity + " is off the lot grid " + instrument.lotSize();
        }
        if (limit != null && !instrument.isOnTickGrid(limit)) {
            return "limit price " + limit + " is off the tick grid " + instrument.tickSize();
        }
        if (trigger != null && !instrument.isOnTickGrid(trigger)) {
            return "trigger price " + trigger + " is off the tick grid " + instrument.tickSize();
        }
        return null;
    }

    private static String reduceOnlyProblem(OrderRequest request, Quantity position) {
        PositionChange change = PositionChange.of(position, request.signedQuantity());
        return change.reducesTowardZero()
                ? null
                : "reduce-only " + request.side() + " " + request.quantity() + " would not reduce the position "
                        + position + " (it would become " + change.after() + ")";
    }
}
