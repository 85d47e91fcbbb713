package io.eventdesk.domain.results;

import io.eventdesk.domain.event.OrderFilled;
import io.eventdesk.domain.instrument.Instrument;
import io.eventdesk.domain.instrument.InstrumentId;
import io.eventdesk.domain.order.OrderId;
import io.eventdesk.domain.portfolio.LotMethod;
import io.eventdesk.domain.value.Money;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Round trips as they happen, per strategy and instrument, from the fills and the marks. Amounts are kept as longs
 * of 10^-{@value Money#SCALE} units of the quote currency, the portfolio's own arithmetic
 * ({@link Instrument#valueUnits}), so the trips' realized PnL and fees add up to the portfolio's to the unit: a
 * reducing fill realizes against the average cost or the oldest lots, as the account's lot method says. A closed trip
 * goes to the sink at once; memory holds only open trips.
 */
public final class RoundTripBook {
    private final Map<InstrumentId, Instrument> instruments;
    private final LotMethod lotMethod;
    private final Consumer<RoundTrip> closed;
    /** open trips by strategy, then instrument, in the order they opened */
    private final Map<String, Map<InstrumentId, Open>> open = new LinkedHashMap<>();
    /** per instrument: its last mark and its open trips */
    private final Map<InstrumentId, Marked> byInstrument = new HashMap<>();
    /** the instrument marked last (most runs trade one): no lookup while it stays the same */
    private Marked lastMarked;

    private static final class Marked {
        final InstrumentId instrument;
        final List<Open> trips = new ArrayList<>(2);
        Price last;

        Marked(InstrumentId instrument) {
            this.instrument = instrument;
        }
    }

    private Marked marked(InstrumentId instrument) {
        Marked m = lastMarked;
        if (m == null || !m.instrument.equals(instrument)) {
            m = byInstrument.computeIfAbsent(instrument, Marked::new);
            lastMarked = m;
        }
        return m;
    }

    private Price last(InstrumentId instrument) {
        Marked m = byInstrument.get(instrument);
        return m == null ? null : m.last;
    }

    public RoundTripBook(Map<InstrumentId, Instrument> instruments, LotMethod lotMethod, Consumer<RoundTrip> closed) {
        this.instruments = Map.copyOf(instruments);
        this.lotMethod = lotMethod;
        this.closed = closed;
    }

    /** An instrument is marked at {@code price}: the open trips in it measure their excursions. */
    public void mark(InstrumentId instrument, Price price) {
        Marked m = marked(instrument);
        m.last = price;
        List<Open> trips = m.trips;
        for (int i = 0; i < trips.size(); i++) {
            trips.get(i).marked(price);
        }
    }

    public void fill(OrderFilled f) {
        Instrument ins = instruments.get(f.instrument());
        long fee = f.fee().units();
        Quantity delta = f.signedQuantity();
        Open trip =
                open.computeIfAbsent(f.strategyId(), k -> new LinkedHashMap<>()).get(f.instrument());
        if (trip != null && trip.position.signum() != delta.signum()) {
            Quantity closing = Quantity.min(delta.abs(), trip.position.abs());
            long closingFee = closing.equals(delta.abs())
                    ? fee
                    : BigDecimal.valueOf(fee)
                            .multiply(closing.toBigDecimal())
                            .divide(delta.abs().toBigDecimal(), 0, RoundingMode.HALF_EVEN)
                            .longValueExact();
            trip.reduce(closing, f, closingFee);
            fee -= closingFee;
            delta = delta.signum() > 0 ? delta.minus(closing) : delta.plus(closing);
            if (trip.position.isZero()) {
                close(trip, f);
                trip = null;
            }
        }
        if (delta.isZero()) {
            return;
        }
        if (trip == null) {
            trip = new Open(f.strategyId(), ins, delta.signum() > 0 ? "LONG" : "SHORT", f.time(), f.orderId());
            open.get(f.strategyId()).put(f.instrument(), trip);
            marked(f.instrument()).trips.add(trip);
        }
        trip.add(delta, f, fee);
    }

    private void close(Open trip, OrderFilled exit) {
        open.get(trip.strategyId).remove(trip.instrument.id());
        marked(trip.instrument.id()).trips.remove(trip);
        closed.accept(trip.toRoundTrip(exit.time(), exit.orderId(), null));
    }

    /** The trips still open, marked at the last price of their instrument. */
    public List<RoundTrip> openTrips() {
        List<RoundTrip> out = new ArrayList<>();
        for (Map<InstrumentId, Open> m : open.values()) {
            for (Open trip : m.values()) {
                out.add(trip.toRoundTrip(null, null, last(trip.instrument.id())));
            }
        }
        return out;
    }

    /** A strategy's PnL now, net of fees, in 10^-8 units of the quote currencies (realized, fees, open at the marks). */
    public long pnlUnits(String strategyId) {
        long sum = closedPnl.getOrDefault(strategyId, 0L);
        Map<InstrumentId, Open> m = open.get(strategyId);
        if (m != null) {
            for (Open trip : m.values()) {
                Price p = last(trip.instrument.id());
                sum = Math.addExact(sum, Math.subtractExact(trip.grossAt(p), trip.fees));
            }
        }
        return sum;
    }

    private final Map<String, Long> closedPnl = new HashMap<>();

    private final class Open {
        final String strategyId;
        final Instrument instrument;
        final String side;
        final Instant entryTime;
        final OrderId entryOrder;
        Quantity position;
        Quantity maxAbs;
        /** the open quantity's cost, signed like it (average cost, or the sum of FIFO lots) */
        long cost;

        final ArrayDeque<Lot> lots;
        /** Σ of the entry fills' values and quantities, for the average entry price and the entry notional */
        long entryValue;

        Quantity entryQuantity;
        long exitValue;
        Quantity exitQuantity;
        long realized;
        long fees;
        long worst;
        long best;
        int fills;
        /**
         * the lowest and highest marks since the position last changed: while it stays the same its PnL is linear in
         * the price, so its worst and best excursions lie at these two (computed exactly when it changes)
         */
        Price low;

        Price high;

        Open(String strategyId, Instrument instrument, String side, Instant entryTime, OrderId entryOrder) {
            this.strategyId = strategyId;
            this.instrument = instrument;
            this.side = side;
            this.entryTime = entryTime;
            this.entryOrder = entryOrder;
            this.position = new Quantity(0, instrument.quantityScale());
            this.maxAbs = position;
            this.entryQuantity = position;
            this.exitQuantity = position;
            this.lots = lotMethod == LotMethod.FIFO ? new ArrayDeque<>() : null;
        }

        void marked(Price price) {
            if (low == null) {
                low = price;
                high = price;
            } else if (price.compareTo(low) < 0) {
                low = price;
            } else if (price.compareTo(high) > 0) {
                high = price;
            }
        }

        /** The excursions at the extreme marks since the last change, before the position changes again. */
        void settle() {
            if (low != null) {
                excursion(low);
                excursion(high);
                low = null;
                high = null;
            }
        }

        void add(Quantity delta, OrderFilled f, long fee) {
            settle();
            long value = instrument.valueUnits(f.price(), delta);
            position = position.plus(delta);
            cost = Math.addExact(cost, value);
            if (lots != null) {
                lots.addLast(new Lot(delta, f.price()));
            }
            entryValue = Math.addExact(entryValue, Math.abs(value));
            entryQuantity = entryQuantity.plus(delta.abs());
            if (position.abs().compareTo(maxAbs) > 0) {
                maxAbs = position.abs();
            }
            fees = Math.addExact(fees, fee);
            fills++;
        }

        void reduce(Quantity closing, OrderFilled f, long fee) {
            settle();
            Quantity signedClosing = position.signum() > 0 ? closing : closing.negate();
            long proceeds = instrument.valueUnits(f.price(), signedClosing);
            long closedCost = closedCost(closing);
            realized = Math.addExact(realized, Math.subtractExact(proceeds, closedCost));
            cost = Math.subtractExact(cost, closedCost);
            position = position.minus(signedClosing);
            exitValue = Math.addExact(exitValue, Math.abs(proceeds));
            exitQuantity = exitQuantity.plus(closing);
            fees = Math.addExact(fees, fee);
            fills++;
            excursion(f.price());
            if (position.isZero()) {
                closedPnl.merge(strategyId, Math.subtractExact(realized, fees), Math::addExact);
            }
        }

        /**
         * The cost of {@code closing} units of the position: the oldest lots first, or a share of the average cost,
         * computed exactly as the portfolio computes it.
         */
        private long closedCost(Quantity closing) {
            if (lots == null) {
                return closing.equals(position.abs())
                        ? cost
                        : new Money(instrument.currency(), cost)
                                .proportion(closing, position.abs())
                                .units();
            }
            long taken = 0;
            Quantity left = closing;
            while (left.isPositive()) {
                Lot lot = lots.pollFirst();
                Quantity lotAbs = lot.quantity().abs();
                long lotValue = instrument.valueUnits(lot.price(), lot.quantity());
                if (lotAbs.compareTo(left) <= 0) {
                    taken = Math.addExact(taken, lotValue);
                    left = left.minus(lotAbs);
                } else {
                    Quantity remaining = lot.quantity().signum() > 0
                            ? lotAbs.minus(left)
                            : lotAbs.minus(left).negate();
                    long remainingValue = instrument.valueUnits(lot.price(), remaining);
                    taken = Math.addExact(taken, lotValue - remainingValue);
                    lots.addFirst(new Lot(remaining, lot.price()));
                    left = Quantity.ZERO;
                }
            }
            return taken;
        }

        void excursion(Price price) {
            long gross = grossAt(price);
            if (gross < worst) {
                worst = gross;
            }
            if (gross > best) {
                best = gross;
            }
        }

        /** Realized plus the open position at {@code price}. */
        long grossAt(Price price) {
            long unrealized = price == null || position.isZero()
                    ? 0
                    : Math.subtractExact(instrument.valueUnits(price, position), cost);
            return Math.addExact(realized, unrealized);
        }

        RoundTrip toRoundTrip(Instant exitTime, OrderId exitOrder, Price mark) {
            settle();
            long gross = exitTime != null ? realized : grossAt(mark);
            long net = Math.subtractExact(gross, fees);
            BigDecimal mult = instrument.multiplier().toBigDecimal();
            return new RoundTrip(
                    strategyId,
                    instrument.id(),
                    instrument.currency(),
                    side,
                    entryTime,
                    exitTime,
                    maxAbs,
                    average(entryValue, entryQuantity, mult),
                    exitQuantity.isZero() ? null : average(exitValue, exitQuantity, mult),
                    amount(gross),
                    amount(realized),
                    amount(fees),
                    amount(net),
                    entryValue == 0
                            ? null
                            : BigDecimal.valueOf(net).divide(BigDecimal.valueOf(entryValue), 8, RoundingMode.HALF_EVEN),
                    amount(Math.min(worst, Math.min(gross, 0))),
                    amount(Math.max(best, Math.max(gross, 0))),
                    fills,
                    entryOrder,
                    exitOrder);
        }

        private BigDecimal average(long value, Quantity quantity, BigDecimal multiplier) {
            return BigDecimal.valueOf(value, Money.SCALE)
                    .divide(
                            quantity.toBigDecimal().multiply(multiplier),
                            instrument.priceScale() + 4,
                            RoundingMode.HALF_EVEN)
                    .stripTrailingZeros();
        }
    }

    private record Lot(Quantity quantity, Price price) {}

    static BigDecimal amount(long units) {
        return BigDecimal.valueOf(units, Money.SCALE).stripTrailingZeros();
    }
}
