package io.eventdesk.domain.portfolio;

import io.eventdesk.domain.event.OrderFilled;
import io.eventdesk.domain.event.PortfolioValued;
import io.eventdesk.domain.instrument.Instrument;
import io.eventdesk.domain.instrument.InstrumentId;
import io.eventdesk.domain.value.Currency;
import io.eventdesk.domain.value.FixedPoint;
import io.eventdesk.domain.value.Money;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The single source of truth for cash, positions, average cost, realized and unrealized PnL, fees, exposure,
 * equity and drawdown of a cash account. It changes only through {@link #apply(OrderFilled)} and
 * {@link #mark(InstrumentId, Price)}; after every change its invariants are checked and a violation stops the
 * run.
 *
 * <p>Accounting: average-cost method. A position keeps its signed cost basis; reducing it realizes
 * {@code closing value − proportional cost}; a fill that crosses zero closes the old side and opens the new
 * one. Hence, exactly, {@code cash = initial cash + realized PnL − fees − Σ cost basis}.
 *
 * <p>Amounts are kept as counts of 10^-{@value Money#SCALE} units of the account currency, so a mark allocates
 * nothing; {@link Money} values are made when asked for.
 */
public final class Portfolio implements PortfolioView {
    private static final int RATIO_DIGITS = 8;

    private final Currency base;
    private final Money initialCash;
    private final Map<InstrumentId, Instrument> instruments = new HashMap<>();
    private final Map<InstrumentId, Position> positions = new HashMap<>();
    private final Map<InstrumentId, Price> lastPrices = new HashMap<>();
    private long cash;
    private long realized;
    private long fees;
    private long netValue;
    private long grossValue;
    private long costBasis;
    private long equity;
    private long peakEquity;
    /** peak and equity at the deepest drawdown so far: the ratio is made when asked for */
    private long maxDrawdownPeak = 1;

    private long maxDrawdownLoss;
    /** bumped whenever a figure changes: a mark that changes nothing is no news */
    private long version;

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
        cash = initialCash.units();
        equity = cash;
        peakEquity = cash;
    }

    /** Applies a fill: the only way a position changes. */
    public void apply(OrderFilled fill) {
        Instrument ins = instrument(fill.instrument());
        if (!fill.fee().currency().equals(base)) {
            throw new IllegalArgumentException("fee in " + fill.fee().currency() + " on a " + base + " account");
        }
        Position pos = positions.get(ins.id());
        if (pos == null) {
            pos = new Position(ins);
            positions.put(ins.id(), pos);
        }
        Quantity held = pos.quantity;
        Quantity delta = fill.signedQuantity();
        Price price = fill.price();

        if (held.isZero() || held.signum() == delta.signum()) {
            open(pos, delta, price);
        } else {
            Quantity heldAbs = held.abs();
            Quantity closed = Quantity.min(delta.abs(), heldAbs);
            long closedCost = closed.equals(heldAbs)
                    ? pos.costBasis
                    : new Money(base, pos.costBasis).proportion(closed, heldAbs).units();
            long closingValue = ins.valueUnits(price, held.signum() > 0 ? closed : closed.negate());
            long pnl = Math.subtractExact(closingValue, closedCost);
            pos.costBasis = Math.subtractExact(pos.costBasis, closedCost);
            costBasis = Math.subtractExact(costBasis, closedCost);
            pos.quantity = held.signum() > 0 ? held.minus(closed) : held.plus(closed);
            pos.realized = Math.addExact(pos.realized, pnl);
            realized = Math.addExact(realized, pnl);
            cash = Math.addExact(cash, closingValue);
            Quantity rest = delta.abs().minus(closed);
            if (rest.isPositive()) {
                open(pos, delta.signum() > 0 ? rest : rest.negate(), price);
            }
        }
        cash = Math.subtractExact(cash, fill.fee().units());
        fees = Math.addExact(fees, fill.fee().units());
        version++;
        Price mark = lastPrices.putIfAbsent(ins.id(), price) == null ? price : lastPrices.get(ins.id());
        revalue(pos, mark);
        checkInvariants(fill, null);
    }

    private void open(Position pos, Quantity signed, Price price) {
        long value = pos.instrument.valueUnits(price, signed);
        pos.costBasis = Math.addExact(pos.costBasis, value);
        costBasis = Math.addExact(costBasis, value);
        pos.quantity = pos.quantity.plus(signed);
        cash = Math.subtractExact(cash, value);
    }

    /** Marks an instrument at a new price: revalues its position, equity and drawdown. */
    public void mark(InstrumentId instrument, Price price) {
        if (lastPrices.put(instrument, price) == null) {
            instrument(instrument);
        }
        Position pos = positions.get(instrument);
        if (pos != null) {
            revalue(pos, price);
            checkInvariants(instrument, price);
        }
    }

    private void revalue(Position pos, Price mark) {
        long oldValue = pos.marketValue;
        long newValue = pos.quantity.isZero() ? 0 : pos.instrument.valueUnits(mark, pos.quantity);
        if (newValue != oldValue) {
            version++;
        }
        pos.marketValue = newValue;
        netValue = Math.addExact(netValue - oldValue, newValue);
        grossValue = Math.addExact(grossValue - Math.abs(oldValue), Math.abs(newValue));
        equity = Math.addExact(cash, netValue);
        if (equity > peakEquity) {
            peakEquity = equity;
        } else if (peakEquity > 0) {
            long loss = peakEquity - equity;
            // loss / peak > maxLoss / maxPeak, exactly
            if (FixedPoint.compareProducts(loss, maxDrawdownPeak, maxDrawdownLoss, peakEquity) > 0) {
                maxDrawdownLoss = loss;
                maxDrawdownPeak = peakEquity;
            }
        }
    }

    /** A number that changes whenever any figure of the portfolio changes (a fill, or a mark that moves a value). */
    public long version() {
        return version;
    }

    /** The account's figures now, as the event that records them. */
    public PortfolioValued valuation(long sequence, Instant time) {
        return new PortfolioValued(
                sequence,
                time,
                base,
                cash,
                equity,
                grossValue,
                netValue,
                realized,
                netValue - costBasis,
                fees,
                peakEquity);
    }

    /** Checks the invariants after a change; {@code cause} and {@code price} only build the message of a failure. */
    private void checkInvariants(Object cause, Price price) {
        if (cash < 0) {
            throw violation("cash went negative (" + new Money(base, cash) + ") in a cash account", cause, price);
        }
        long identity = initialCash.units() + realized - fees - costBasis;
        if (identity != cash) {
            throw violation(
                    "cash " + new Money(base, cash) + " differs from initial + realized − fees − cost basis "
                            + new Money(base, identity),
                    cause,
                    price);
        }
    }

    private static PortfolioInvariantViolation violation(String what, Object cause, Price price) {
        return new PortfolioInvariantViolation(what + " after " + cause + (price == null ? "" : " mark " + price));
    }

    @Override
    public Instrument instrument(InstrumentId id) {
        Instrument i = instruments.get(id);
        if (i == null) {
            throw new IllegalArgumentException("unknown instrument " + id);
        }
        return i;
    }

    private Money money(long units) {
        return new Money(base, units);
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
        return money(cash);
    }

    @Override
    public Money equity() {
        return money(equity);
    }

    @Override
    public Money peakEquity() {
        return money(peakEquity);
    }

    @Override
    public BigDecimal drawdown() {
        return ratio(peakEquity - equity, peakEquity);
    }

    @Override
    public BigDecimal maxDrawdown() {
        return ratio(maxDrawdownLoss, maxDrawdownPeak);
    }

    private static BigDecimal ratio(long loss, long peak) {
        if (loss <= 0 || peak <= 0) {
            return BigDecimal.ZERO;
        }
        return BigDecimal.valueOf(loss).divide(BigDecimal.valueOf(peak), RATIO_DIGITS, RoundingMode.HALF_EVEN);
    }

    @Override
    public Money realizedPnl() {
        return money(realized);
    }

    @Override
    public Money unrealizedPnl() {
        return money(netValue - costBasis);
    }

    @Override
    public Money totalFees() {
        return money(fees);
    }

    @Override
    public Money grossExposure() {
        return money(grossValue);
    }

    @Override
    public Money netExposure() {
        return money(netValue);
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
            out.add(p.view(lastPrices.get(p.instrument.id()), base));
        }
        out.sort((a, b) -> a.instrument().compareTo(b.instrument()));
        return out;
    }

    private static final class Position {
        final Instrument instrument;
        Quantity quantity;
        long costBasis;
        long marketValue;
        long realized;

        Position(Instrument instrument) {
            this.instrument = instrument;
            this.quantity = new Quantity(0, instrument.quantityScale());
        }

        PositionView view(Price last, Currency base) {
            BigDecimal avg = null;
            Money cost = new Money(base, costBasis);
            if (!quantity.isZero()) {
                BigDecimal units =
                        quantity.toBigDecimal().multiply(instrument.multiplier().toBigDecimal());
                avg = cost.toBigDecimal()
                        .divide(units, instrument.priceScale() + 6, RoundingMode.HALF_EVEN)
                        .stripTrailingZeros();
            }
            return new PositionView(
                    instrument.id(),
                    quantity,
                    cost,
                    avg,
                    last,
                    new Money(base, marketValue),
                    new Money(base, marketValue - costBasis),
                    new Money(base, realized));
        }
    }
}
