package io.eventdesk.domain.portfolio;

import io.eventdesk.domain.instrument.AssetClass;
import io.eventdesk.domain.instrument.Instrument;
import io.eventdesk.domain.instrument.InstrumentId;
import io.eventdesk.domain.value.Currency;
import io.eventdesk.domain.value.Money;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A read-only view of the portfolio: what strategies, the risk engine and venues may see. */
public interface PortfolioView {
    Currency baseCurrency();

    Money initialCash();

    Money cash();

    /** cash + the marked value of every position. */
    Money equity();

    Money peakEquity();

    /** (peak equity − equity) / peak equity, 0 at a peak. */
    BigDecimal drawdown();

    /** The largest drawdown seen so far. */
    BigDecimal maxDrawdown();

    Money realizedPnl();

    Money unrealizedPnl();

    Money totalFees();

    /** Σ |marked value| of all positions. */
    Money grossExposure();

    /** Σ marked value of all positions (shorts negative). */
    Money netExposure();

    /** The signed position in an instrument, zero when none. */
    Quantity position(InstrumentId instrument);

    /** One strategy's own position in an instrument (from its fills alone), zero when none. */
    Quantity position(String strategyId, InstrumentId instrument);

    /** Each strategy that has traded, by id, with its own PnL. */
    List<StrategyPnl> strategies();

    /** The last known price of an instrument (mark or fill). */
    Optional<Price> lastPrice(InstrumentId instrument);

    Instrument instrument(InstrumentId instrument);

    /** Whether the account trades {@code instrument}. */
    boolean hasInstrument(InstrumentId instrument);

    /** The instruments the account trades. */
    java.util.Set<InstrumentId> instrumentIds();

    /** Every position held or once held, by instrument id. */
    List<PositionView> positions();

    /** Cash or margin. */
    AccountType accountType();

    /** Whether the account may sell what it does not hold. */
    boolean allowsShorting();

    /** The balance of one currency (zero when none is held). */
    Money cash(Currency currency);

    /** Every currency's balance. */
    Map<Currency, Money> balances();

    /** {@code amount} in the base currency at the current rate; an error when no rate exists. */
    Money valueInBase(Money amount);

    /** Taxes accrued on realized gains so far (a liability, already out of equity). */
    Money taxes();

    /** Equity now less equity when the session began. */
    Money dailyPnl();

    /** Equity when the current session began. */
    Money sessionStartEquity();

    /** Gross and net exposure of the open positions per asset class the account trades (zero when flat). */
    Map<AssetClass, Exposure> exposureByAssetClass();

    /** The margin the open positions need: initial, or maintenance when {@code maintenance}. */
    Money marginRequirement(boolean maintenance);

    /** Gross exposure / equity (0 when equity is not positive). */
    BigDecimal leverage();
}
