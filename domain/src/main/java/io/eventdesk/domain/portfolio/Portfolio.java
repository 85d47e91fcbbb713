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
    private final Map<String, Ledger> ledgers = new java.util.TreeMap<>();
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
        long costBefore = pos.costBasis;
        long pnl = pos.trade(fill.signedQuantity(), fill.price(), base);
        long costChange = Math.subtractExact(pos.costBasis, costBefore);
        // cash = initial + realized − fees − Σ cost basis, so a trade moves cash by its PnL less its cost change
        cash = Math.addExact(cash, Math.subtractExact(pnl, costChange));
        realized = Math.addExact(realized, pnl);
        costBasis = Math.addExact(costBasis, costChange);
        Ledger ledger = ledger(fill.strategyId());
        ledger.position(ins).trade(fill.signedQuantity(), fill.price(), base);
        ledger.fees = Math.addExact(ledger.fees, fill.fee().units());
        ledger.fills++;
        Price price = fill.price();
        cash = Math.subtractExact(cash, fill.fee().units());
        fees = Math.addExact(fees, fill.fee().units());
        version++;
        Price mark = lastPrices.putIfAbsent(ins.id(), price) == null ? price : lastPrices.get(ins.id());
        revalue(pos, mark);
        checkInvariants(fill, null);
        checkLedgers(ins, fill);
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

    /** The strategies' own positions in an instrument add up to the account's. */
    private void checkLedgers(Instrument ins, OrderFilled cause) {
        Quantity sum = Quantity.ZERO;
        for (Ledger l : ledgers.values()) {
            Position p = l.positions.get(ins.id());
            if (p != null) {
                sum = sum.plus(p.quantity);
            }
        }
        if (!sum.equals(position(ins.id()))) {
            throw violation(
                    "the strategies' positions in " + ins.id() + " add up to " + sum + ", the account holds "
                            + position(ins.id()),
                    cause,
                    null);
        }
    }

    private static PortfolioInvariantViolation violation(String what, Object cause, Price price) {
        return new PortfolioInvariantViolation(what + " after " + cause + (price == null ? "" : " mark " + price));
    }

    private Ledger ledger(String strategyId) {
        Ledger l = ledgers.get(strategyId);
        if (l == null) {
            l = new Ledger();
            ledgers.put(strategyId, l);
        }
        return l;
    }

    @Override
    public Quantity position(String strategyId, InstrumentId instrument) {
        Ledger l = ledgers.get(strategyId);
        Position p = l == null ? null : l.positions.get(instrument);
        return p == null ? Quantity.ZERO : p.quantity;
    }

    @Override
    public List<StrategyPnl> strategies() {
        List<StrategyPnl> out = new ArrayList<>(ledgers.size());
        ledgers.forEach((id, l) -> {
            long realizedPnl = 0;
            long unrealizedPnl = 0;
            for (Position p : l.positions.values()) {
                realizedPnl = Math.addExact(realizedPnl, p.realized);
                if (!p.quantity.isZero()) {
                    long value = p.instrument.valueUnits(lastPrices.get(p.instrument.id()), p.quantity);
                    unrealizedPnl = Math.addExact(unrealizedPnl, value - p.costBasis);
                }
            }
            out.add(new StrategyPnl(id, money(realizedPnl), money(unrealizedPnl), money(l.fees), l.fills));
        });
        return out;
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

    /** One strategy's own books: its positions (netted per instrument), realized PnL, fees and fills. */
    private static final class Ledger {
        final Map<InstrumentId, Position> positions = new HashMap<>();
        long fees;
        long fills;

        Position position(Instrument instrument) {
            Position p = positions.get(instrument.id());
            if (p == null) {
                p = new Position(instrument);
                positions.put(instrument.id(), p);
            }
            return p;
        }
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

        /**
         * Applies a trade of {@code delta} at {@code price} (average cost): the part that reduces the position
         * realizes its value less its proportional cost, the rest opens at {@code price}. Returns the realized PnL.
         */
        long trade(Quantity delta, Price price, Currency base) {
            long pnl = 0;
            Quantity open = delta;
            if (!quantity.isZero() && quantity.signum() != delta.signum()) {
                Quantity heldAbs = quantity.abs();
                Quantity closed = Quantity.min(delta.abs(), heldAbs);
                long closedCost = closed.equals(heldAbs)
                        ? costBasis
                        : new Money(base, costBasis).proportion(closed, heldAbs).units();
                long closingValue = instrument.valueUnits(price, quantity.signum() > 0 ? closed : closed.negate());
                pnl = Math.subtractExact(closingValue, closedCost);
                costBasis = Math.subtractExact(costBasis, closedCost);
                quantity = quantity.signum() > 0 ? quantity.minus(closed) : quantity.plus(closed);
                realized = Math.addExact(realized, pnl);
                Quantity rest = delta.abs().minus(closed);
                open = rest.isPositive() ? (delta.signum() > 0 ? rest : rest.negate()) : null;
            }
            if (open != null) {
                costBasis = Math.addExact(costBasis, instrument.valueUnits(price, open));
                quantity = quantity.plus(open);
            }
            return pnl;
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
