package io.eventdesk.domain.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventdesk.domain.error.BadInputException;
import io.eventdesk.domain.event.OrderFilled;
import io.eventdesk.domain.instrument.AssetClass;
import io.eventdesk.domain.instrument.Instrument;
import io.eventdesk.domain.instrument.InstrumentId;
import io.eventdesk.domain.order.Liquidity;
import io.eventdesk.domain.order.OrderId;
import io.eventdesk.domain.testing.Instruments;
import io.eventdesk.domain.value.Currency;
import io.eventdesk.domain.value.Money;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import io.eventdesk.domain.value.Side;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Worked examples, computed by hand in the comments, that the portfolio must reproduce to the last unit. */
class PortfolioWorkedExamplesTest {
    private static final Currency USD = Currency.of("USD");
    private static final Currency EUR = Currency.of("EUR");
    private static final Currency JPY = Currency.of("JPY");
    private long seq;

    private OrderFilled fill(Instrument ins, Side side, String qty, String price, String fee) {
        seq++;
        return new OrderFilled(
                seq,
                Instant.EPOCH.plusSeconds(seq),
                new OrderId(seq),
                "F-" + seq,
                "s",
                ins.id(),
                side,
                Quantity.of(qty),
                Price.of(price),
                new Price(0, 0),
                Money.of(ins.currency().code(), fee),
                Liquidity.TAKER);
    }

    private static AccountSettings account(
            AccountType type, LotMethod lots, String tax, Map<Currency, Money> balances) {
        return new AccountSettings(
                type, USD, balances, true, lots, tax == null ? null : new BigDecimal(tax), Map.of(), false);
    }

    private static Money usd(String amount) {
        return Money.of("USD", amount);
    }

    @Test
    void shouldSettleOnlyThePnlTimesTheMultiplier_whenAFutureMakesARoundTrip() {
        // ES, 50 × index: buy 2 at 4000.25, mark 4005, sell 2 at 4010.75; 2.25 a contract each way
        Instrument es = Instruments.future("ES", 50);
        Portfolio p = new Portfolio(usd("100000"), List.of(es));
        p.apply(fill(es, Side.BUY, "2", "4000.25", "4.50"));
        assertThat(p.cash()).isEqualTo(usd("99995.50")); // no notional paid, only the fee
        p.mark(es.id(), Price.of("4005"));
        assertThat(p.unrealizedPnl()).isEqualTo(usd("475")); // (4005 − 4000.25) × 2 × 50
        assertThat(p.equity()).isEqualTo(usd("100470.50"));
        assertThat(p.grossExposure()).isEqualTo(usd("400500")); // 4005 × 2 × 50: exposure is the notional
        p.apply(fill(es, Side.SELL, "2", "4010.75", "4.50"));
        assertThat(p.realizedPnl()).isEqualTo(usd("1050")); // (4010.75 − 4000.25) × 2 × 50
        assertThat(p.cash()).isEqualTo(usd("101041")); // 100,000 + 1,050 − 9
        assertThat(p.equity()).isEqualTo(p.cash());
    }

    @Test
    void shouldCreditTheBoughtCurrencyAndValueItAtThePairsMark_whenAnFxPairMakesARoundTrip() {
        // EUR/USD on a USD cash account: buy 10,000 at 1.1000, mark 1.1050, sell at 1.1100
        Instrument eurusd = new Instrument(
                InstrumentId.of("EUR/USD"),
                AssetClass.FX,
                USD,
                Price.of("0.0001"),
                Quantity.of(1000),
                Quantity.of(1),
                EUR,
                null,
                null);
        Portfolio p = new Portfolio(usd("100000"), List.of(eurusd));
        p.apply(fill(eurusd, Side.BUY, "10000", "1.1000", "2"));
        assertThat(p.cash(EUR)).isEqualTo(Money.of("EUR", "10000"));
        assertThat(p.cash(USD)).isEqualTo(usd("88998")); // 100,000 − 11,000 − 2
        p.mark(eurusd.id(), Price.of("1.1050"));
        assertThat(p.cash()).isEqualTo(usd("100048")); // 88,998 + 10,000 × 1.105
        assertThat(p.equity()).isEqualTo(usd("100048"));
        assertThat(p.unrealizedPnl()).isEqualTo(usd("50"));
        p.apply(fill(eurusd, Side.SELL, "10000", "1.1100", "2"));
        assertThat(p.cash(EUR)).isEqualTo(Money.of("EUR", "0"));
        assertThat(p.realizedPnl()).isEqualTo(usd("100"));
        assertThat(p.cash(USD)).isEqualTo(usd("100096"));
    }

    @Test
    void shouldConvertPnlFromTheQuoteCurrency_whenThePairIsQuotedInAnotherCurrency() {
        // USD/JPY on a USD margin account: buy 10,000 USD at 150.00 JPY, sell at 151.00: 10,000 JPY of profit,
        // worth 10,000 / 151 = 66.22516556 USD at the rate of the sale
        Instrument usdjpy = new Instrument(
                InstrumentId.of("USD/JPY"),
                AssetClass.FX,
                JPY,
                Price.of("0.01"),
                Quantity.of(1000),
                Quantity.of(1),
                USD,
                new BigDecimal("0.05"),
                null);
        Portfolio p = new Portfolio(
                account(AccountType.MARGIN, LotMethod.AVERAGE_COST, null, Map.of(USD, usd("20000"))), List.of(usdjpy));
        p.apply(fill(usdjpy, Side.BUY, "10000", "150.00", "0"));
        assertThat(p.cash(USD)).isEqualTo(usd("30000"));
        assertThat(p.cash(JPY)).isEqualTo(Money.of("JPY", "-1500000"));
        assertThat(p.equity()).isEqualTo(usd("20000")); // 30,000 − 1,500,000 / 150
        p.mark(usdjpy.id(), Price.of("151.00"));
        assertThat(p.equity()).isEqualTo(usd("20066.22516556")); // 30,000 − 1,500,000 / 151
        p.apply(fill(usdjpy, Side.SELL, "10000", "151.00", "0"));
        assertThat(p.cash(JPY)).isEqualTo(Money.of("JPY", "10000"));
        assertThat(p.cash(USD)).isEqualTo(usd("20000"));
        assertThat(p.realizedPnl()).isEqualTo(usd("66.22516556"));
        assertThat(p.equity()).isEqualTo(usd("20066.22516556"));
    }

    @Test
    void shouldCloseTheLongAndOpenTheShortAtTheFillPrice_whenOneFillFlipsThePosition() {
        Instrument aapl = Instruments.equity("AAPL");
        Portfolio p = new Portfolio(usd("10000"), List.of(aapl));
        p.apply(fill(aapl, Side.BUY, "10", "100", "0"));
        p.apply(fill(aapl, Side.SELL, "15", "110", "0"));
        assertThat(p.realizedPnl()).isEqualTo(usd("100")); // the 10 closed: (110 − 100) × 10
        PositionView v = p.positions().get(0);
        assertThat(v.quantity()).isEqualTo(Quantity.of(-5));
        assertThat(v.costBasis()).isEqualTo(usd("-550")); // the 5 opened short at 110
        assertThat(v.averagePrice()).isEqualByComparingTo("110");
        assertThat(p.cash()).isEqualTo(usd("10650")); // 10,000 − 1,000 + 1,650
    }

    @Test
    void shouldRealizeAgainstTheAverageOrTheOldestLots_whenPartOfAPositionIsSold() {
        // buy 10 at 100, buy 10 at 110 (average 105), sell 5 at 120
        Instrument aapl = Instruments.equity("AAPL");
        Map<Currency, Money> cash = Map.of(USD, usd("10000"));
        Portfolio average = new Portfolio(account(AccountType.CASH, LotMethod.AVERAGE_COST, null, cash), List.of(aapl));
        Portfolio fifo = new Portfolio(account(AccountType.CASH, LotMethod.FIFO, null, cash), List.of(aapl));
        for (Portfolio p : List.of(average, fifo)) {
            p.apply(fill(aapl, Side.BUY, "10", "100", "0"));
            p.apply(fill(aapl, Side.BUY, "10", "110", "0"));
            p.apply(fill(aapl, Side.SELL, "5", "120", "0"));
        }
        assertThat(average.realizedPnl()).isEqualTo(usd("75")); // (120 − 105) × 5
        assertThat(average.positions().get(0).costBasis()).isEqualTo(usd("1575")); // 15 × 105
        assertThat(fifo.realizedPnl()).isEqualTo(usd("100")); // (120 − 100) × 5, from the first lot
        assertThat(fifo.positions().get(0).costBasis()).isEqualTo(usd("1600")); // 5 × 100 + 10 × 110
        // a partial close leaves the same cash either way; only the split between realized and unrealized differs
        assertThat(fifo.cash()).isEqualTo(average.cash()).isEqualTo(usd("8500"));
        fifo.apply(fill(aapl, Side.SELL, "10", "90", "0")); // the last 5 at 100, then 5 of the 110s
        assertThat(fifo.realizedPnl()).isEqualTo(usd("-50")); // 100 + (90 − 100) × 5 + (90 − 110) × 5
        assertThat(fifo.positions().get(0).costBasis()).isEqualTo(usd("550"));
    }

    @Test
    void shouldAccrueTaxOnTheSessionsGainsNetOfLossesCarriedForward_whenATaxRateIsSet() {
        Instrument aapl = Instruments.equity("AAPL");
        Portfolio p = new Portfolio(
                account(AccountType.CASH, LotMethod.AVERAGE_COST, "0.25", Map.of(USD, usd("10000"))), List.of(aapl));
        p.apply(fill(aapl, Side.BUY, "10", "100", "0"));
        p.apply(fill(aapl, Side.SELL, "10", "90", "0")); // −100
        assertThat(p.closeSession()).isEqualTo(usd("0")); // a loss: 100 carried forward
        p.startSession();
        p.apply(fill(aapl, Side.BUY, "10", "100", "0"));
        p.apply(fill(aapl, Side.SELL, "10", "130", "0")); // +300
        assertThat(p.dailyPnl()).isEqualTo(usd("300"));
        assertThat(p.closeSession()).isEqualTo(usd("50")); // (300 − 100) × 25%
        assertThat(p.taxes()).isEqualTo(usd("50"));
        assertThat(p.cash()).isEqualTo(usd("10200")); // taxes are owed, not paid
        assertThat(p.equity()).isEqualTo(usd("10150"));
        assertThat(p.closeSession()).isEqualTo(usd("0")); // nothing new
    }

    @Test
    void shouldNeedMarginAndCallIt_whenAMarginAccountLosesBelowMaintenance() {
        Instrument es = new Instrument(
                InstrumentId.of("ES"),
                AssetClass.FUTURE,
                USD,
                Price.of("0.25"),
                Quantity.of(1),
                Quantity.of(50),
                null,
                new BigDecimal("0.1"),
                new BigDecimal("0.08"));
        Portfolio p = new Portfolio(
                account(AccountType.MARGIN, LotMethod.AVERAGE_COST, null, Map.of(USD, usd("50000"))), List.of(es));
        p.apply(fill(es, Side.BUY, "2", "4000", "0"));
        assertThat(p.marginRequirement(false)).isEqualTo(usd("40000")); // 10% of 400,000
        assertThat(p.marginRequirement(true)).isEqualTo(usd("32000"));
        assertThat(p.isMarginCalled()).isFalse();
        p.mark(es.id(), Price.of("3820")); // −18,000: equity 32,000 vs maintenance 8% of 382,000 = 30,560
        assertThat(p.isMarginCalled()).isFalse();
        p.mark(es.id(), Price.of("3800")); // −20,000: equity 30,000 < 8% of 380,000 = 30,400
        assertThat(p.isMarginCalled()).isTrue();
        assertThat(p.leverage()).isEqualByComparingTo("12.66666667");
        assertThat(p.exposureByAssetClass().get(AssetClass.FUTURE).net()).isEqualTo(usd("380000"));
    }

    @Test
    void shouldRefuseToValueACurrencyWithoutARate_whenNoPairPricesItAndNoneIsConfigured() {
        Instrument sap = new Instrument(
                InstrumentId.of("SAP"), AssetClass.EQUITY, EUR, Price.of("0.01"), Quantity.of(1), Quantity.of(1));
        Map<Currency, Money> both = Map.of(USD, usd("1000"), EUR, Money.of("EUR", "1000"));
        assertThatThrownBy(() ->
                        new Portfolio(account(AccountType.CASH, LotMethod.AVERAGE_COST, null, both), List.of(sap)))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining(
                        "fx-rates: EUR: valuing EUR in USD needs a rate: no EUR/USD or USD/EUR pair in the"
                                + " data and no fixed rate in fx-rates");
        Portfolio fixed = new Portfolio(
                new AccountSettings(
                        AccountType.CASH,
                        USD,
                        both,
                        false,
                        LotMethod.AVERAGE_COST,
                        null,
                        Map.of(EUR, new BigDecimal("1.08")),
                        false),
                List.of(sap));
        assertThat(fixed.equity()).isEqualTo(usd("2080"));
        fixed.apply(fill(sap, Side.BUY, "2", "150", "1"));
        assertThat(fixed.cash(EUR)).isEqualTo(Money.of("EUR", "699"));
        assertThat(fixed.totalFees()).isEqualTo(usd("1.08"));
        assertThat(fixed.equity()).isEqualTo(usd("2078.92")); // 1000 + 699 × 1.08 + 300 × 1.08
    }
}
