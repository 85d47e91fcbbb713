package io.eventdesk.domain.portfolio;

import io.eventdesk.domain.event.OrderFilled;
import io.eventdesk.domain.instrument.Instrument;
import io.eventdesk.domain.instrument.InstrumentId;
import io.eventdesk.domain.value.Currency;
import io.eventdesk.domain.value.Money;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The single source of truth for cash, positions, average cost, realized and unrealized PnL, fees, exposure,
 * equity and drawdown of a cash account. It changes only through {@link #apply(OrderFilled)} and
 * {@link #mark(InstrumentId, Price)}; after every change its invariants are checked and a violation stops the
 * run.
 *
 * <p>Accounting: average-cost method. A position keeps its signed cost basis; reducing it realizes
 * {@code closing value − proportional cost}; a fill that crosses zero closes the old side and opens the new
 * one. Hence, exactly, {@code cash = initial cash + realized PnL − fees − Σ cost basis}.
 */
public final class Portfolio implements PortfolioView {
    private static final int RATIO_DIGITS = 8;

    private final Currency base;
    private final Money initialCash;
    private final Map<InstrumentId, Instrument> instruments = new HashMap<>();
    private final Map<InstrumentId, Position> positions = new TreeMap<>();
    private final Map<InstrumentId, Price> lastPrices = new HashMap<>();
    private Money cash;
    private Money realized;
    private Money fees;
    private Money netValue;
    private Money grossValue;
    private Money equity;
    private Money peakEquity;
    private BigDecimal drawdown = BigDecimal.ZERO;
    private BigDecimal maxDrawdown = BigDecimal.ZERO;

    public Portfolio(Money initialCash, Collection<Instrument> tradable) {
        if (initialCash.isNegative()) {
            throw new IllegalArgumentException("initial cash must not be negative, got " + initialCash);
        }
        this.base = initialCash.currency();
        this.initialCash = initialCash;
        for (Instrument i : tradable) {
            if (!i.currency().equals(base)) {
                throw new IllegalArgumentException(i.id() + " is quoted in " + i.currency() + " but the account is in "
                        + base + "; multi-currency accounts are not supported yet");
            }
            instruments.put(i.id(), i);
        }
        Money zero = Money.zero(base);
        cash = initialCash;
        realized = zero;
        fees = zero;
        netValue = zero;
        grossValue = zero;
        equity = initialCash;
        peakEquity = initialCash;
    }

    /** Applies a fill: the only way a position changes. */
    public void apply(OrderFilled fill) {
        Instrument ins = instrument(fill.instrument());
        Position pos = positions.computeIfAbsent(ins.id(), id -> new Position(ins, Money.zero(base)));
        Quantity held = pos.quantity;
        Quantity delta = fill.signedQuantity();
        Price price = fill.price();
        Money oldValue = pos.marketValue;

        if (held.isZero() || held.signum() == delta.signum()) {
            open(pos, delta, price);
        } else {
            Quantity heldAbs = held.abs();
            Quantity closed = Quantity.min(delta.abs(), heldAbs);
            Money closedCost = pos.costBasis.proportion(closed, heldAbs);
            Money closingValue = ins.signedValue(price, held.signum() > 0 ? closed : closed.negate());
            Money pnl = closingValue.minus(closedCost);
            pos.costBasis = pos.costBasis.minus(closedCost);
            pos.quantity = held.signum() > 0 ? held.minus(closed) : held.plus(closed);
            pos.realized = pos.realized.plus(pnl);
            realized = realized.plus(pnl);
            cash = cash.plus(closingValue);
            Quantity rest = delta.abs().minus(closed);
            if (rest.isPositive()) {
                open(pos, delta.signum() > 0 ? rest : rest.negate(), price);
            }
        }
        cash = cash.minus(fill.fee());
        fees = fees.plus(fill.fee());
        Price mark = lastPrices.putIfAbsent(ins.id(), price) == null ? price : lastPrices.get(ins.id());
        revalue(pos, mark, oldValue);
        checkInvariants(fill);
    }

    private void open(Position pos, Quantity signed, Price price) {
        Money value = pos.instrument.signedValue(price, signed);
        pos.costBasis = pos.costBasis.plus(value);
        pos.quantity = pos.quantity.plus(signed);
        cash = cash.minus(value);
    }

    /** Marks an instrument at a new price: revalues its position, equity and drawdown. */
    public void mark(InstrumentId instrument, Price price) {
        instrument(instrument);
        lastPrices.put(instrument, price);
        Position pos = positions.get(instrument);
        if (pos != null) {
            revalue(pos, price, pos.marketValue);
            checkInvariants(instrument + " mark " + price);
        }
    }

    private void revalue(Position pos, Price mark, Money oldValue) {
        Money newValue = pos.quantity.isZero() ? Money.zero(base) : pos.instrument.signedValue(mark, pos.quantity);
        pos.marketValue = newValue;
        netValue = netValue.minus(oldValue).plus(newValue);
        grossValue = grossValue.minus(oldValue.abs()).plus(newValue.abs());
        equity = cash.plus(netValue);
        if (equity.compareTo(peakEquity) > 0) {
            peakEquity = equity;
        }
        if (peakEquity.isPositive() && equity.compareTo(peakEquity) < 0) {
            drawdown = peakEquity.minus(equity).ratioTo(peakEquity, RATIO_DIGITS);
            if (drawdown.compareTo(maxDrawdown) > 0) {
                maxDrawdown = drawdown;
            }
        } else {
            drawdown = BigDecimal.ZERO;
        }
    }

    private void checkInvariants(Object cause) {
        if (cash.isNegative()) {
            throw new PortfolioInvariantViolation("cash went negative (" + cash + ") in a cash account after " + cause);
        }
        Money identity = initialCash.plus(realized).minus(fees);
        for (Position p : positions.values()) {
            identity = identity.minus(p.costBasis);
            if (p.quantity.isZero() && !p.costBasis.isZero()) {
                throw new PortfolioInvariantViolation(
                        p.instrument.id() + " is flat but keeps a cost basis of " + p.costBasis + " after " + cause);
            }
        }
        if (!identity.equals(cash)) {
            throw new PortfolioInvariantViolation("cash " + cash
                    + " differs from initial + realized − fees − cost basis " + identity + " after " + cause);
        }
    }

    @Override
    public Instrument instrument(InstrumentId id) {
        Instrument i = instruments.get(id);
        if (i == null) {
            throw new IllegalArgumentException("unknown instrument " + id);
        }
        return i;
    }

    @Override
    public Currency baseCurrency() {
        return base;
    }

    @Override
    public Money initialCash() {
        return initialCash;
    }

    @Override
    public Money cash() {
        return cash;
    }

    @Override
    public Money equity() {
        return equity;
    }

    @Override
    public Money peakEquity() {
        return peakEquity;
    }

    @Override
    public BigDecimal drawdown() {
        return drawdown;
    }

    @Override
    public BigDecimal maxDrawdown() {
        return maxDrawdown;
    }

    @Override
    public Money realizedPnl() {
        return realized;
    }

    @Override
    public Money unrealizedPnl() {
        Money u = Money.zero(base);
        for (Position p : positions.values()) {
            u = u.plus(p.marketValue.minus(p.costBasis));
        }
        return u;
    }

    @Override
    public Money totalFees() {
        return fees;
    }

    @Override
    public Money grossExposure() {
        return grossValue;
    }

    @Override
    public Money netExposure() {
        return netValue;
    }

    @Override
    public Quantity position(InstrumentId instrument) {
        Position p = positions.get(instrument);
        return p == null ? Quantity.ZERO : p.quantity;
    }

    @Override
    public Optional<Price> lastPrice(InstrumentId instrument) {
        return Optional.ofNullable(lastPrices.get(instrument));
    }

    @Override
    public List<PositionView> positions() {
        List<PositionView> out = new ArrayList<>(positions.size());
        for (Position p : positions.values()) {
            out.add(p.view(lastPrices.get(p.instrument.id())));
        }
        return out;
    }

    private static final class Position {
        final Instrument instrument;
        Quantity quantity;
        Money costBasis;
        Money marketValue;
        Money realized;

        Position(Instrument instrument, Money zero) {
            this.instrument = instrument;
            this.quantity = new Quantity(0, instrument.quantityScale());
            this.costBasis = zero;
            this.marketValue = zero;
            this.realized = zero;
        }

        PositionView view(Price last) {
            BigDecimal avg = null;
            if (!quantity.isZero()) {
                BigDecimal units =
                        quantity.toBigDecimal().multiply(instrument.multiplier().toBigDecimal());
                avg = costBasis
                        .toBigDecimal()
                        .divide(units, instrument.priceScale() + 6, RoundingMode.HALF_EVEN)
                        .stripTrailingZeros();
            }
            return new PositionView(
                    instrument.id(),
                    quantity,
                    costBasis,
                    avg,
                    last,
                    marketValue,
                    marketValue.minus(costBasis),
                    realized);
        }
    }
}
