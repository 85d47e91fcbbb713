package io.eventdesk.adapters.broker.paper;

import io.eventdesk.domain.instrument.Instrument;
import io.eventdesk.domain.instrument.Settlement;
import io.eventdesk.domain.order.TimeInForce;
import io.eventdesk.domain.port.ExecutionReportListener;
import io.eventdesk.domain.portfolio.AccountType;
import io.eventdesk.domain.portfolio.PortfolioView;
import io.eventdesk.domain.portfolio.PositionChange;
import io.eventdesk.domain.value.Money;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import io.eventdesk.domain.value.Side;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;

/**
 * Hands out one piece of market data's liquidity to the candidates every kind of data produces, in their order:
 * within the participation cap (the desk's orders together take at most that share of a bar's volume, a trade's
 * size, or the quoted size on their side), FOK all or nothing, reduce-only trimmed to the position, a cash account's
 * funds checked at the execution price; the price slipped by the slippage model, the fee charged by the fee
 * schedule. What does not fill waits; IOC and FOK leftovers are canceled after the data.
 */
final class LiquidityAllocation {
    private final PaperVenueConfig config;
    private final RestingOrders resting;
    private long fillCounter;

    LiquidityAllocation(PaperVenueConfig config, RestingOrders resting) {
        this.config = config;
        this.resting = resting;
    }

    /** The most the desk may take from {@code volume}, on the lot grid; null for no cap. */
    Quantity cap(Quantity volume, Instrument instrument) {
        if (config.participation() == null || volume == null) {
            return null;
        }
        BigDecimal allowed = volume.toBigDecimal().multiply(config.participation());
        return instrument.roundDownToLot(Quantity.of(allowed.setScale(instrument.quantityScale(), RoundingMode.DOWN)));
    }

    /**
     * Fills the candidates in order, within the volume caps ({@code buyCap} for both sides when {@code sellCap} is
     * null; null caps are unlimited), then cancels what IOC and FOK orders did not fill.
     */
    void execute(
            List<Candidate> candidates,
            VenueBook book,
            Instrument instrument,
            Quantity buyCap,
            Quantity sellCap,
            ExecutionReportListener listener) {
        boolean shared = sellCap == null;
        Quantity buyLeft = buyCap;
        Quantity sellLeft = shared ? null : sellCap;
        for (int i = 0; i < candidates.size(); i++) {
            Candidate c = candidates.get(i);
            WorkingOrder w = c.order();
            w.reportTrigger(listener);
            boolean buy = w.request.side() == Side.BUY;
            Quantity left = shared || buy ? buyLeft : sellLeft;
            Quantity leaves = w.leaves();
            Quantity quantity = left == null ? leaves : Quantity.min(leaves, left);
            if (w.request.timeInForce() == TimeInForce.FOK && quantity.compareTo(leaves) < 0) {
                resting.remove(w);
                listener.canceled(
                        w.id,
                        c.time(),
                        "FOK: only " + quantity + " of " + leaves + " could fill at the first market data; killed");
                continue;
            }
            if (!quantity.isPositive()) {
                continue; // no volume left for it here: it waits (an IOC is canceled below)
            }
            if (w.request.reduceOnly()) {
                Quantity position = listener.account().position(instrument.id());
                Quantity trimmed = Quantity.min(quantity, position.abs());
                if (!PositionChange.of(position, w.request.side().signed(trimmed))
                        .reducesTowardZero()) {
                    resting.remove(w);
                    listener.canceled(w.id, c.time(), "reduce-only: the position is already closed");
                    continue;
                }
                quantity = trimmed;
            }
            Price price = c.slips()
                    ? slipped(c.price(), buy, instrument, quantity, c.volume(), book, c.onQuote())
                    : c.price();
            Price slippage = buy ? price.minus(c.reference()) : c.reference().minus(price);
            if (slippage.units() < 0) {
                slippage = new Price(0, slippage.scale());
            }
            Money fee = config.fees().fee(instrument, quantity, price, c.liquidity());
            String unaffordable = unaffordable(listener.account(), instrument, buy, quantity, price, fee);
            if (unaffordable != null) {
                resting.remove(w);
                listener.canceled(w.id, c.time(), unaffordable);
                continue;
            }
            if (left != null) {
                if (shared || buy) {
                    buyLeft = buyLeft.minus(quantity);
                } else {
                    sellLeft = sellLeft.minus(quantity);
                }
            }
            w.filled = w.filled.plus(quantity);
            if (!w.leaves().isPositive()) {
                resting.remove(w);
            }
            listener.filled(w.id, c.time(), "F-" + (++fillCounter), quantity, price, slippage, fee, c.liquidity());
        }
        candidates.clear();
        cancelImmediateLeftovers(book, listener);
    }

    /**
     * Triggers not yet reported (a stop-limit that did not fill), then IOC and FOK orders that met their first
     * market data: what is left of them is canceled.
     */
    private void cancelImmediateLeftovers(VenueBook book, ExecutionReportListener listener) {
        List<WorkingOrder> orders = book.orders;
        for (int i = 0; i < orders.size(); i++) {
            orders.get(i).reportTrigger(listener);
        }
        for (int i = 0; i < orders.size(); i++) {
            WorkingOrder w = orders.get(i);
            if (w.cancelOnFirstMarket != null) {
                Instant when = w.cancelOnFirstMarket;
                resting.remove(w);
                i--;
                listener.canceled(
                        w.id,
                        when,
                        w.request.timeInForce() + ": " + w.leaves() + " not filled at the first market data, canceled");
            }
        }
    }

    /**
     * Why a cash account cannot pay for this execution, or null: a buy's cash (a future's: none) and fee in its quote
     * currency, or the base currency an FX pair's sale delivers. A margin account borrows.
     */
    private static String unaffordable(
            PortfolioView account, Instrument instrument, boolean buy, Quantity quantity, Price price, Money fee) {
        if (account.accountType() != AccountType.CASH) {
            return null;
        }
        if (!buy) {
            if (instrument.settlement() != Settlement.CURRENCY_EXCHANGE) {
                return null;
            }
            Money deliver = instrument.baseDelivered(quantity);
            Money has = account.cash(instrument.baseCurrency());
            return deliver.compareTo(has) > 0
                    ? "insufficient " + instrument.baseCurrency() + " at execution: selling " + quantity + " "
                            + instrument.id() + " delivers " + deliver.amount() + " > balance " + has.amount()
                    : null;
        }
        Money cost = instrument.cashToBuy(price, quantity).plus(fee);
        Money cash = account.cash(instrument.currency());
        return cost.compareTo(cash) > 0
                ? "insufficient cash at execution: buying " + quantity + " at " + price + " costs " + cost.amount()
                        + " (fee " + fee.amount() + ") > cash " + cash.amount()
                : null;
    }

    /**
     * {@code reference} moved against the trader by the slippage model, rounded to the tick against the trader.
     * {@code onQuote}: the price already crossed the quoted spread.
     */
    private Price slipped(
            Price reference,
            boolean buy,
            Instrument instrument,
            Quantity quantity,
            Quantity volume,
            VenueBook book,
            boolean onQuote) {
        BigDecimal extra = config.slippage()
                .adverseMove(reference.toBigDecimal(), quantity, volume, book.lastQuoteSpread, onQuote);
        if (extra.signum() == 0) {
            return reference;
        }
        BigDecimal raw = buy
                ? reference.toBigDecimal().add(extra)
                : reference.toBigDecimal().subtract(extra);
        BigDecimal tick = instrument.tickSize().toBigDecimal();
        BigDecimal ticks = raw.divide(tick, 0, buy ? RoundingMode.CEILING : RoundingMode.FLOOR);
        if (ticks.signum() <= 0) {
            ticks = BigDecimal.ONE; // a sell cannot slip below one tick
        }
        return Price.of(ticks.multiply(tick).setScale(instrument.priceScale(), RoundingMode.UNNECESSARY));
    }
}
