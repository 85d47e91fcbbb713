package io.eventdesk.domain.instrument;

import io.eventdesk.domain.value.Currency;
import io.eventdesk.domain.value.FixedPoint;
import io.eventdesk.domain.value.Money;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A tradable instrument: what it is, the currency it is quoted in, the grids its prices and quantities live on,
 * and the contract multiplier (units of the underlying per contract; 1 for spot).
 *
 * @param baseCurrency for an FX pair, the currency bought when the pair is bought (EUR in EUR/USD); null otherwise
 * @param marginInitial the initial margin of a margin account, as a fraction of notional (null: 1, full notional)
 * @param marginMaintenance the maintenance margin, as a fraction of notional (null: the initial margin)
 */
public record Instrument(
        InstrumentId id,
        AssetClass assetClass,
        Currency currency,
        Price tickSize,
        Quantity lotSize,
        Quantity multiplier,
        Currency baseCurrency,
        BigDecimal marginInitial,
        BigDecimal marginMaintenance) {

    public Instrument {
        if (id == null || assetClass == null || currency == null) {
            throw new IllegalArgumentException("instrument needs an id, an asset class and a currency");
        }
        if (tickSize == null || !tickSize.isPositive()) {
            throw new IllegalArgumentException(id + ": tick size must be positive, got " + tickSize);
        }
        if (lotSize == null || !lotSize.isPositive()) {
            throw new IllegalArgumentException(id + ": lot size must be positive, got " + lotSize);
        }
        if (multiplier == null || !multiplier.isPositive()) {
            throw new IllegalArgumentException(id + ": multiplier must be positive, got " + multiplier);
        }
        if ((assetClass == AssetClass.FX) != (baseCurrency != null) && baseCurrency != null) {
            throw new IllegalArgumentException(id + ": only an FX pair has a base currency");
        }
        if (baseCurrency != null && baseCurrency.equals(currency)) {
            throw new IllegalArgumentException(id + ": an FX pair's base and quote currencies differ");
        }
        marginInitial = marginInitial == null ? BigDecimal.ONE : marginInitial;
        marginMaintenance = marginMaintenance == null ? marginInitial : marginMaintenance;
        if (marginInitial.signum() <= 0 || marginInitial.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException(
                    id + ": initial margin is a fraction of notional in (0, 1], got " + marginInitial.toPlainString());
        }
        if (marginMaintenance.signum() <= 0 || marginMaintenance.compareTo(marginInitial) > 0) {
            throw new IllegalArgumentException(id + ": maintenance margin must be in (0, initial margin "
                    + marginInitial.toPlainString() + "], got " + marginMaintenance.toPlainString());
        }
    }

    /** An instrument that is not an FX pair, margined at full notional. */
    public Instrument(
            InstrumentId id,
            AssetClass assetClass,
            Currency currency,
            Price tickSize,
            Quantity lotSize,
            Quantity multiplier) {
        this(id, assetClass, currency, tickSize, lotSize, multiplier, null, null, null);
    }

    /** How trading it moves cash. */
    public Settlement settlement() {
        if (assetClass == AssetClass.FUTURE) {
            return Settlement.PNL_ONLY;
        }
        return baseCurrency != null ? Settlement.CURRENCY_EXCHANGE : Settlement.NOTIONAL;
    }

    /**
     * The cash a buy of {@code quantity} at {@code price} pays in the quote currency, fees aside: its notional, or
     * nothing for a future, which settles only its PnL.
     */
    public Money cashToBuy(Price price, Quantity quantity) {
        return settlement() == Settlement.PNL_ONLY ? Money.zero(currency) : notional(price, quantity);
    }

    /** What a sale of {@code quantity} of an FX pair delivers in its base currency. */
    public Money baseDelivered(Quantity quantity) {
        if (baseCurrency == null) {
            throw new IllegalStateException(id + " is not a currency pair: a sale delivers no base currency");
        }
        return Money.ofProduct(baseCurrency, new Price(1, 0), quantity.abs(), multiplier);
    }

    /** Whether trading it exchanges two currencies (an FX pair with a base currency). */
    public boolean isCurrencyPair() {
        return baseCurrency != null;
    }

    /** The number of decimals every price of this instrument carries. */
    public int priceScale() {
        return tickSize.scale();
    }

    public int quantityScale() {
        return lotSize.scale();
    }

    public boolean isOnTickGrid(Price price) {
        int s = Math.max(price.scale(), tickSize.scale());
        return price.unitsAt(s) % tickSize.unitsAt(s) == 0;
    }

    public boolean isOnLotGrid(Quantity quantity) {
        int s = Math.max(quantity.scale(), lotSize.scale());
        return quantity.unitsAt(s) % lotSize.unitsAt(s) == 0;
    }

    /** The nearest price on the tick grid, with the given rounding between two ticks. */
    public Price roundToTick(Price price, RoundingMode mode) {
        int s = Math.max(price.scale(), tickSize.scale());
        long tick = tickSize.unitsAt(s);
        long ticks = FixedPoint.divide(price.unitsAt(s), tick, mode);
        return new Price(Math.multiplyExact(ticks, tick), s).withScale(priceScale(), RoundingMode.UNNECESSARY);
    }

    /** The quantity rounded toward zero onto the lot grid. */
    public Quantity roundDownToLot(Quantity quantity) {
        int s = Math.max(quantity.scale(), lotSize.scale());
        long lot = lotSize.unitsAt(s);
        long lots = FixedPoint.divide(quantity.unitsAt(s), lot, RoundingMode.DOWN);
        return new Quantity(Math.multiplyExact(lots, lot), s).withScale(quantityScale(), RoundingMode.UNNECESSARY);
    }

    /**
     * {@code price × quantity × multiplier} as a count of 10^-{@value Money#SCALE} units of the quote currency,
     * signed like the quantity, rounded once (HALF_EVEN): the allocation-free form of {@link #signedValue}.
     */
    public long valueUnits(Price price, Quantity quantity) {
        if (multiplier.units() == 1 && multiplier.scale() == 0) {
            return FixedPoint.multiply(price.units(), price.scale(), quantity.units(), quantity.scale(), Money.SCALE);
        }
        return Money.ofProduct(currency, price, quantity, multiplier).units();
    }

    /** {@code price × |quantity| × multiplier} in the quote currency. */
    public Money notional(Price price, Quantity quantity) {
        return Money.ofProduct(currency, price, quantity.abs(), multiplier);
    }

    /** {@code price × quantity × multiplier}, signed like the quantity. */
    public Money signedValue(Price price, Quantity quantity) {
        return Money.ofProduct(currency, price, quantity, multiplier);
    }
}
