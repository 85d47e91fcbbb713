package io.eventdesk.domain.portfolio;

import io.eventdesk.domain.error.BadInputException;
import io.eventdesk.domain.event.OrderFilled;
import io.eventdesk.domain.event.PortfolioValued;
import io.eventdesk.domain.instrument.AssetClass;
import io.eventdesk.domain.instrument.Instrument;
import io.eventdesk.domain.instrument.InstrumentId;
import io.eventdesk.domain.instrument.Settlement;
import io.eventdesk.domain.value.Currency;
import io.eventdesk.domain.value.FixedPoint;
import io.eventdesk.domain.value.Money;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The single source of truth for balances, positions, cost, realized and unrealized PnL, fees, taxes, exposure,
 * equity, drawdown and margin of one account, in one or several currencies. It changes only through
 * {@link #apply(OrderFilled)}, {@link #mark(InstrumentId, Price)} and the session calls
 * ({@link #startSession()}, {@link #closeSession()}); after every change its invariants are checked and a violation
 * stops the run.
 *
 * <p>How each kind of instrument settles, in its quote currency:
 *
 * <ul>
 *   <li>equities, crypto and anything else bought outright: the notional is paid, the position is held and valued at
 *       the mark;
 *   <li>futures: nothing is paid but fees; the PnL is realized in cash when the position is reduced, and unrealized
 *       PnL counts in equity (margin stands in for the notional);
 *   <li>FX pairs with a base currency: buying EUR/USD credits EUR and debits USD; the currencies are the holding.
 * </ul>
 *
 * <p>Realized PnL uses the account's {@link LotMethod}: average cost, or FIFO lots. A fill that crosses zero closes
 * the old side and opens the new one. Per currency c, exactly: {@code balance_c = initial_c + realized_c − fees_c −
 * cost of the positions paid in c + the FX pairs' holdings of c}. Everything is valued in the base currency through
 * the marks of FX pairs in the run (EUR/USD or USD/EUR for EUR on a USD account), or else the configured fixed rates;
 * a valuation that needs a rate that does not exist is an error, never a zero.
 *
 * <p>Taxes accrue at each session's end on the realized gains of the session (in the base currency, at the rates of
 * the fills), net of losses carried forward; they are a liability that lowers equity, not a payment.
 *
 * <p>Amounts are counts of 10^-{@value Money#SCALE} units, so a mark in a single-currency account allocates nothing.
 */
public final class Portfolio implements PortfolioView {
    private static final int RATIO_DIGITS = 8;
    private static final int RATE_DIGITS = 20;

    private final AccountSettings settings;
    private final Currency base;
    private final Map<InstrumentId, Instrument> instruments = new HashMap<>();
    /** which FX pair prices each currency against the base */
    private final FxRateGraph rates;
    /** the pairs of {@link #rates}: a mark of one of them moves a rate */
    private final java.util.Set<InstrumentId> rateSources = new java.util.HashSet<>();

    private final Map<InstrumentId, Book> positions = new HashMap<>();
    private final List<Book> books = new ArrayList<>();
    private final Map<InstrumentId, Price> lastPrices = new HashMap<>();
    private final Map<String, Ledger> ledgers = new TreeMap<>();
    /** per currency: balance, initial, realized, fees, cost of paid positions, FX holdings */
    private final Map<Currency, Funds> funds = new LinkedHashMap<>();

    private long realizedBase;
    private long feesBase;
    private long taxes;
    private long realizedAtLastClose;
    private long carriedLoss;
    private long cashBase;
    private long netValue;
    private long grossValue;
    private long unrealized;
    /** Σ what the positions add to equity beyond cash, in the base currency */
    private long contributions;

    private long equity;
    private long peakEquity;
    private long sessionStartEquity;
    private long maxDrawdownPeak = 1;
    private long maxDrawdownLoss;
    private long version;
    /** whether every amount is in the base currency: no rates, no conversions */
    private final boolean singleCurrency;

    private final Funds baseFunds;

    public Portfolio(Money initialCash, Collection<Instrument> tradable) {
        this(AccountSettings.cash(initialCash), tradable);
    }

    public Portfolio(AccountSettings settings, Collection<Instrument> tradable) {
        this.settings = settings;
        this.base = settings.base();
        settings.balances().forEach((c, m) -> funds.put(c, new Funds(m.units())));
        boolean single = settings.balances().keySet().stream().allMatch(base::equals);
        for (Instrument i : tradable) {
            instruments.put(i.id(), i);
            funds.computeIfAbsent(i.currency(), c -> new Funds(0));
            if (!i.currency().equals(base)) {
                single = false;
            }
            if (i.isCurrencyPair()) {
                funds.computeIfAbsent(i.baseCurrency(), c -> new Funds(0));
                single = false;
            }
        }
        this.singleCurrency = single;
        this.rates = new FxRateGraph(base, tradable, settings.fixedRates().keySet());
        rateSources.addAll(rates.rateSources());
        this.baseFunds = funds.get(base);
        recompute();
        peakEquity = equity;
        sessionStartEquity = equity;
    }

    // ---------------------------------------------------------------- changes

    /** Applies a fill: the only way a position changes. */
    public void apply(OrderFilled fill) {
        Instrument ins = instrument(fill.instrument());
        if (!fill.fee().currency().equals(ins.currency())) {
            throw new IllegalArgumentException(
                    "fee in " + fill.fee().currency() + " on " + ins.id() + ", quoted in " + ins.currency());
        }
        boolean firstPrice = lastPrices.putIfAbsent(ins.id(), fill.price()) == null;
        Book book = positions.get(ins.id());
        if (book == null) {
            book = new Book(ins, settings.lotMethod());
            positions.put(ins.id(), book);
            books.add(book);
        }
        Funds quote = funds.get(ins.currency());
        long costBefore = book.cost;
        long pnl = book.trade(fill.signedQuantity(), fill.price());
        long costChange = Math.subtractExact(book.cost, costBefore);
        long fee = fill.fee().units();
        quote.realized = Math.addExact(quote.realized, pnl);
        quote.fees = Math.addExact(quote.fees, fee);
        if (book.settlement == Settlement.PNL_ONLY) {
            quote.balance = Math.addExact(quote.balance, pnl - fee);
        } else {
            quote.balance = Math.addExact(quote.balance, Math.subtractExact(pnl, costChange) - fee);
            quote.paidCost = Math.addExact(quote.paidCost, costChange);
        }
        if (book.settlement == Settlement.CURRENCY_EXCHANGE) {
            Funds held = funds.get(ins.baseCurrency());
            long units = currencyUnits(fill.signedQuantity(), ins);
            held.balance = Math.addExact(held.balance, units);
            held.holdings = Math.addExact(held.holdings, units);
        }
        long pnlBase = toBase(ins.currency(), pnl);
        long feeBase = toBase(ins.currency(), fee);
        realizedBase = Math.addExact(realizedBase, pnlBase);
        feesBase = Math.addExact(feesBase, feeBase);
        Ledger ledger = ledger(fill.strategyId());
        long ledgerPnl = ledger.book(ins, settings.lotMethod()).trade(fill.signedQuantity(), fill.price());
        ledger.realizedBase = Math.addExact(ledger.realizedBase, toBase(ins.currency(), ledgerPnl));
        ledger.feesBase = Math.addExact(ledger.feesBase, feeBase);
        ledger.fills++;
        version++;
        if (firstPrice && !singleCurrency && rateSources.contains(ins.id())) {
            book.mark(fill.price());
            recompute(); // the pair's first price is the first rate of its currency
        } else {
            cashBase = cashInBase(); // the fill moved balances; a mark never does
            revalue(book, lastPrices.get(ins.id()));
        }
        checkInvariants(fill);
        checkLedgers(ins, fill);
    }

    /** An FX quantity as a count of 10^-8 units of its base currency. */
    private static long currencyUnits(Quantity quantity, Instrument pair) {
        return Money.ofProduct(pair.baseCurrency(), new Price(1, 0), quantity, pair.multiplier())
                .units();
    }

    /** Marks an instrument at a new price: revalues its position, the rates it gives, equity and drawdown. */
    public void mark(InstrumentId instrument, Price price) {
        Price before = lastPrices.put(instrument, price);
        if (before == null) {
            instrument(instrument); // an unknown instrument is an error, checked once
        } else if (price.equals(before)) {
            return;
        }
        Book book = positions.get(instrument);
        if (!singleCurrency && rateSources.contains(instrument)) {
            if (book != null) {
                book.mark(price);
            }
            recompute(); // a rate moved: every amount in that currency is worth something else now
            version++;
        } else if (book != null) {
            revalue(book, price);
        }
        // a mark moves values, never balances: the balances' invariants hold as the last fill left them
    }

    /** A session begins: daily PnL counts from here. */
    public void startSession() {
        sessionStartEquity = equity;
    }

    /**
     * A session ends: tax accrues on the session's realized gains in the base currency, net of losses carried
     * forward. Returns the tax accrued now (zero without a tax rate).
     */
    public Money closeSession() {
        long gain = Math.subtractExact(realizedBase, realizedAtLastClose);
        realizedAtLastClose = realizedBase;
        if (settings.taxRate() == null) {
            return Money.zero(base);
        }
        long taxable = Math.subtractExact(gain, carriedLoss);
        long tax = 0;
        if (taxable > 0) {
            carriedLoss = 0;
            tax = BigDecimal.valueOf(taxable)
                    .multiply(settings.taxRate())
                    .setScale(0, RoundingMode.HALF_EVEN)
                    .longValueExact();
        } else {
            carriedLoss = -taxable;
        }
        if (tax != 0) {
            taxes = Math.addExact(taxes, tax);
            version++;
            recompute();
            checkInvariants("the session's close");
        }
        return Money.of(base, BigDecimal.valueOf(tax, Money.SCALE));
    }

    // ---------------------------------------------------------------- valuation

    /** Re-marks one position (its quote currency's rate unchanged) and the totals. */
    private void revalue(Book book, Price mark) {
        long oldValue = book.valueBase;
        long oldUnrealized = book.unrealizedBase;
        long oldContribution = book.equityBase;
        book.mark(mark);
        convert(book);
        if (book.valueBase != oldValue || book.equityBase != oldContribution || book.unrealizedBase != oldUnrealized) {
            version++;
        }
        netValue = Math.addExact(netValue - oldValue, book.valueBase);
        grossValue = Math.addExact(grossValue - Math.abs(oldValue), Math.abs(book.valueBase));
        unrealized = Math.addExact(unrealized - oldUnrealized, book.unrealizedBase);
        contributions = Math.addExact(contributions - oldContribution, book.equityBase);
        equity = Math.subtractExact(Math.addExact(cashBase, contributions), taxes);
        track();
    }

    /** Everything valued again: after a rate moved, a tax accrued, or at the start. */
    private void recompute() {
        netValue = 0;
        grossValue = 0;
        unrealized = 0;
        contributions = 0;
        for (Book b : books) {
            convert(b);
            netValue = Math.addExact(netValue, b.valueBase);
            grossValue = Math.addExact(grossValue, Math.abs(b.valueBase));
            unrealized = Math.addExact(unrealized, b.unrealizedBase);
            contributions = Math.addExact(contributions, b.equityBase);
        }
        cashBase = cashInBase();
        equity = Math.subtractExact(Math.addExact(cashBase, contributions), taxes);
        track();
    }

    private long cashInBase() {
        if (singleCurrency) {
            return baseFunds.balance;
        }
        long sum = 0;
        for (Map.Entry<Currency, Funds> e : funds.entrySet()) {
            sum = Math.addExact(sum, toBase(e.getKey(), e.getValue().balance));
        }
        return sum;
    }

    /** A book's exposure, unrealized PnL and contribution to equity, in the base currency. */
    private void convert(Book b) {
        if (singleCurrency) {
            b.valueBase = b.marketValue;
            b.unrealizedBase = Math.subtractExact(b.marketValue, b.cost);
        } else {
            Currency quote = b.instrument.currency();
            b.valueBase = toBase(quote, b.marketValue);
            b.unrealizedBase = toBase(quote, Math.subtractExact(b.marketValue, b.cost));
        }
        b.equityBase = switch (b.settlement) {
            case NOTIONAL -> b.valueBase;
            case PNL_ONLY -> b.unrealizedBase;
            case CURRENCY_EXCHANGE -> 0; // held as currency balances
        };
    }

    private void track() {
        if (equity > peakEquity) {
            peakEquity = equity;
        } else if (peakEquity > 0) {
            long loss = peakEquity - equity;
            if (FixedPoint.compareProducts(loss, maxDrawdownPeak, maxDrawdownLoss, peakEquity) > 0) {
                maxDrawdownLoss = loss;
                maxDrawdownPeak = peakEquity;
            }
        }
    }

    /** {@code units} of {@code currency} in base units, at the current rate. */
    private long toBase(Currency currency, long units) {
        if (units == 0 || currency.equals(base)) {
            return units;
        }
        return BigDecimal.valueOf(units)
                .multiply(rate(currency))
                .setScale(0, RoundingMode.HALF_EVEN)
                .longValueExact();
    }

    /** Units of the base currency per unit of {@code currency}: from an FX pair's mark, else a fixed rate. */
    public BigDecimal rate(Currency currency) {
        if (currency.equals(base)) {
            return BigDecimal.ONE;
        }
        InstrumentId pair = rates.pairFor(currency).orElse(null);
        Price mark = pair == null ? null : lastPrices.get(pair);
        if (mark != null) {
            Instrument p = instruments.get(pair);
            return p.currency().equals(base)
                    ? mark.toBigDecimal()
                    : BigDecimal.ONE.divide(mark.toBigDecimal(), RATE_DIGITS, RoundingMode.HALF_EVEN);
        }
        BigDecimal fixed = settings.fixedRates().get(currency);
        if (fixed != null) {
            return fixed;
        }
        throw new BadInputException(
                "fx-rates",
                0,
                currency.code(),
                "valuing " + currency + " in " + base + " needs a rate: "
                        + (pair == null
                                ? "no " + currency + "/" + base + " or " + base + "/" + currency + " pair in the data"
                                : pair + " has no price yet")
                        + " and no fixed rate in fx-rates");
    }

    // ---------------------------------------------------------------- checks

    private void checkInvariants(Object cause) {
        for (Map.Entry<Currency, Funds> e : funds.entrySet()) {
            Funds f = e.getValue();
            if (settings.type() == AccountType.CASH && f.balance < 0) {
                throw violation(
                        e.getKey() + " balance went negative (" + new Money(e.getKey(), f.balance)
                                + ") in a cash account",
                        cause);
            }
            long identity = f.initial + f.realized - f.fees - f.paidCost + f.holdings;
            if (identity != f.balance) {
                throw violation(
                        e.getKey() + " balance " + new Money(e.getKey(), f.balance)
                                + " differs from initial + realized − fees − cost + holdings "
                                + new Money(e.getKey(), identity),
                        cause);
            }
        }
    }

    private void checkLedgers(Instrument ins, OrderFilled cause) {
        Quantity sum = Quantity.ZERO;
        for (Ledger l : ledgers.values()) {
            Book p = l.books.get(ins.id());
            if (p != null) {
                sum = sum.plus(p.quantity);
            }
        }
        if (!sum.equals(position(ins.id()))) {
            throw violation(
                    "the strategies' positions in " + ins.id() + " add up to " + sum + ", the account holds "
                            + position(ins.id()),
                    cause);
        }
    }

    private static PortfolioInvariantViolation violation(String what, Object cause) {
        return new PortfolioInvariantViolation(what + " after " + cause);
    }

    // ---------------------------------------------------------------- figures

    /** A number that changes whenever any figure of the portfolio changes (a fill, or a mark that moves a value). */
    public long version() {
        return version;
    }

    /** The account's figures now, in the base currency, as the event that records them. */
    public PortfolioValued valuation(long sequence, Instant time) {
        return new PortfolioValued(
                sequence,
                time,
                base,
                cashBase,
                equity,
                grossValue,
                netValue,
                realizedBase,
                unrealized,
                feesBase,
                peakEquity);
    }

    @Override
    public AccountType accountType() {
        return settings.type();
    }

    @Override
    public boolean allowsShorting() {
        return settings.type() == AccountType.MARGIN || settings.allowShort();
    }

    @Override
    public Money cash(Currency currency) {
        Funds f = funds.get(currency);
        return new Money(currency, f == null ? 0 : f.balance);
    }

    @Override
    public Map<Currency, Money> balances() {
        Map<Currency, Money> out = new LinkedHashMap<>();
        funds.forEach((c, f) -> out.put(c, new Money(c, f.balance)));
        return out;
    }

    @Override
    public Money valueInBase(Money amount) {
        return money(toBase(amount.currency(), amount.units()));
    }

    @Override
    public Money taxes() {
        return money(taxes);
    }

    @Override
    public Money dailyPnl() {
        return money(equity - sessionStartEquity);
    }

    @Override
    public Money sessionStartEquity() {
        return money(sessionStartEquity);
    }

    @Override
    public Map<AssetClass, Exposure> exposureByAssetClass() {
        Map<AssetClass, long[]> sums = new EnumMap<>(AssetClass.class);
        for (Instrument i : instruments.values()) {
            sums.computeIfAbsent(i.assetClass(), k -> new long[2]); // every class the account trades, zero when flat
        }
        for (Book b : books) {
            if (b.quantity.isZero()) {
                continue;
            }
            long[] s = sums.computeIfAbsent(b.instrument.assetClass(), k -> new long[2]);
            s[0] = Math.addExact(s[0], Math.abs(b.valueBase));
            s[1] = Math.addExact(s[1], b.valueBase);
        }
        Map<AssetClass, Exposure> out = new EnumMap<>(AssetClass.class);
        sums.forEach((k, s) -> out.put(k, new Exposure(money(s[0]), money(s[1]))));
        return out;
    }

    @Override
    public Money marginRequirement(boolean maintenance) {
        long sum = 0;
        for (Book b : books) {
            if (b.quantity.isZero()) {
                continue;
            }
            BigDecimal rate = maintenance ? b.instrument.marginMaintenance() : b.instrument.marginInitial();
            sum = Math.addExact(
                    sum,
                    BigDecimal.valueOf(Math.abs(b.valueBase))
                            .multiply(rate)
                            .setScale(0, RoundingMode.HALF_EVEN)
                            .longValueExact());
        }
        return money(sum);
    }

    /** A margin account whose equity fell below the maintenance margin of its positions. */
    public boolean isMarginCalled() {
        if (settings.type() != AccountType.MARGIN || grossValue == 0) {
            return false;
        }
        return equity < marginRequirement(true).units();
    }

    @Override
    public BigDecimal leverage() {
        return equity <= 0
                ? BigDecimal.ZERO
                : BigDecimal.valueOf(grossValue)
                        .divide(BigDecimal.valueOf(equity), RATIO_DIGITS, RoundingMode.HALF_EVEN);
    }

    private Ledger ledger(String strategyId) {
        return ledgers.computeIfAbsent(strategyId, k -> new Ledger());
    }

    @Override
    public Quantity position(String strategyId, InstrumentId instrument) {
        Ledger l = ledgers.get(strategyId);
        Book p = l == null ? null : l.books.get(instrument);
        return p == null ? Quantity.ZERO : p.quantity;
    }

    @Override
    public List<StrategyPnl> strategies() {
        List<StrategyPnl> out = new ArrayList<>(ledgers.size());
        ledgers.forEach((id, l) -> {
            long unrealizedPnl = 0;
            for (Book p : l.books.values()) {
                if (!p.quantity.isZero()) {
                    long value = p.instrument.valueUnits(lastPrices.get(p.instrument.id()), p.quantity);
                    unrealizedPnl = Math.addExact(
                            unrealizedPnl, toBase(p.instrument.currency(), Math.subtractExact(value, p.cost)));
                }
            }
            out.add(new StrategyPnl(id, money(l.realizedBase), money(unrealizedPnl), money(l.feesBase), l.fills));
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

    @Override
    public boolean hasInstrument(InstrumentId id) {
        return instruments.containsKey(id);
    }

    @Override
    public java.util.Set<InstrumentId> instrumentIds() {
        return java.util.Collections.unmodifiableSet(new java.util.TreeSet<>(instruments.keySet()));
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
        return settings.initialCash();
    }

    @Override
    public Money cash() {
        return money(cashBase);
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
        return money(realizedBase);
    }

    @Override
    public Money unrealizedPnl() {
        return money(unrealized);
    }

    @Override
    public Money totalFees() {
        return money(feesBase);
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
        Book p = positions.get(instrument);
        return p == null ? Quantity.ZERO : p.quantity;
    }

    @Override
    public Optional<Price> lastPrice(InstrumentId instrument) {
        return Optional.ofNullable(lastPrices.get(instrument));
    }

    @Override
    public List<PositionView> positions() {
        List<PositionView> out = new ArrayList<>(books.size());
        for (Book p : books) {
            out.add(p.view(lastPrices.get(p.instrument.id())));
        }
        out.sort((a, b) -> a.instrument().compareTo(b.instrument()));
        return out;
    }

    // ---------------------------------------------------------------- parts

    /** The money of one currency. */
    private static final class Funds {
        final long initial;
        long balance;
        long realized;
        long fees;
        long paidCost;
        long holdings;

        Funds(long initial) {
            this.initial = initial;
            this.balance = initial;
        }
    }

    /** One strategy's own books: its positions, realized PnL and fees in the base currency, and fills. */
    private static final class Ledger {
        final Map<InstrumentId, Book> books = new HashMap<>();
        long realizedBase;
        long feesBase;
        long fills;

        Book book(Instrument instrument, LotMethod method) {
            return books.computeIfAbsent(instrument.id(), k -> new Book(instrument, method));
        }
    }

    /** A lot still open under FIFO: its signed quantity and price. */
    private record Lot(Quantity quantity, Price price) {}

    /** One instrument's netted position, in its quote currency. */
    private static final class Book {
        final Instrument instrument;
        final Settlement settlement;
        final LotMethod method;
        final ArrayDeque<Lot> lots;
        Quantity quantity;
        /** the open quantity's cost, signed like it: Σ lot values (FIFO) or the average cost basis */
        long cost;

        long marketValue;
        long realized;
        long valueBase;
        long unrealizedBase;
        long equityBase;

        Book(Instrument instrument, LotMethod method) {
            this.instrument = instrument;
            this.settlement = instrument.settlement();
            this.method = method;
            this.lots = method == LotMethod.FIFO ? new ArrayDeque<>() : null;
            this.quantity = new Quantity(0, instrument.quantityScale());
        }

        void mark(Price price) {
            marketValue = quantity.isZero() ? 0 : instrument.valueUnits(price, quantity);
        }

        /**
         * Applies a trade of {@code delta} at {@code price}: the part that reduces the position realizes its value
         * less its cost (average or oldest lots first), the rest opens at {@code price}. Returns the realized PnL.
         */
        long trade(Quantity delta, Price price) {
            long pnl = 0;
            Quantity open = delta;
            if (!quantity.isZero() && quantity.signum() != delta.signum()) {
                Quantity heldAbs = quantity.abs();
                Quantity closed = Quantity.min(delta.abs(), heldAbs);
                Quantity closedSigned = quantity.signum() > 0 ? closed : closed.negate();
                long closedCost = method == LotMethod.FIFO
                        ? consumeLots(closed)
                        : closed.equals(heldAbs)
                                ? cost
                                : new Money(instrument.currency(), cost)
                                        .proportion(closed, heldAbs)
                                        .units();
                long closingValue = instrument.valueUnits(price, closedSigned);
                pnl = Math.subtractExact(closingValue, closedCost);
                cost = Math.subtractExact(cost, closedCost);
                quantity = quantity.minus(closedSigned);
                realized = Math.addExact(realized, pnl);
                Quantity rest = delta.abs().minus(closed);
                open = rest.isPositive() ? (delta.signum() > 0 ? rest : rest.negate()) : null;
            }
            if (open != null) {
                cost = Math.addExact(cost, instrument.valueUnits(price, open));
                quantity = quantity.plus(open);
                if (lots != null) {
                    lots.addLast(new Lot(open, price));
                }
            }
            return pnl;
        }

        /** Takes {@code closed} (unsigned) from the oldest lots; returns their cost, exactly as it was counted. */
        private long consumeLots(Quantity closed) {
            long taken = 0;
            Quantity left = closed;
            while (left.isPositive()) {
                Lot lot = lots.pollFirst();
                Quantity lotAbs = lot.quantity.abs();
                long lotValue = instrument.valueUnits(lot.price, lot.quantity);
                if (lotAbs.compareTo(left) <= 0) {
                    taken = Math.addExact(taken, lotValue);
                    left = left.minus(lotAbs);
                } else {
                    Quantity remaining = lot.quantity.signum() > 0
                            ? lotAbs.minus(left)
                            : lotAbs.minus(left).negate();
                    long remainingValue = instrument.valueUnits(lot.price, remaining);
                    taken = Math.addExact(taken, lotValue - remainingValue);
                    lots.addFirst(new Lot(remaining, lot.price));
                    left = Quantity.ZERO;
                }
            }
            return taken;
        }

        PositionView view(Price last) {
            Currency c = instrument.currency();
            BigDecimal avg = null;
            if (!quantity.isZero()) {
                BigDecimal units =
                        quantity.toBigDecimal().multiply(instrument.multiplier().toBigDecimal());
                avg = BigDecimal.valueOf(cost, Money.SCALE)
                        .divide(units, instrument.priceScale() + 6, RoundingMode.HALF_EVEN)
                        .stripTrailingZeros();
            }
            return new PositionView(
                    instrument.id(),
                    quantity,
                    new Money(c, cost),
                    avg,
                    last,
                    new Money(c, marketValue),
                    new Money(c, marketValue - cost),
                    new Money(c, realized));
        }
    }
}
