package io.eventdesk.domain.risk;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventdesk.domain.event.RuleCheck;
import io.eventdesk.domain.instrument.AssetClass;
import io.eventdesk.domain.instrument.Instrument;
import io.eventdesk.domain.instrument.InstrumentId;
import io.eventdesk.domain.order.OrderRequest;
import io.eventdesk.domain.portfolio.AccountSettings;
import io.eventdesk.domain.portfolio.AccountType;
import io.eventdesk.domain.portfolio.LotMethod;
import io.eventdesk.domain.portfolio.Portfolio;
import io.eventdesk.domain.testing.Fills;
import io.eventdesk.domain.testing.Instruments;
import io.eventdesk.domain.trading.TradingState;
import io.eventdesk.domain.value.Currency;
import io.eventdesk.domain.value.Money;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import io.eventdesk.domain.value.Side;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The rules that depend on the kind of account: short sales, cash per currency, margin. At their boundaries. */
class AccountRulesTest {
    private static final Currency USD = Instruments.USD;
    private static final Currency EUR = Currency.of("EUR");
    private final Instrument aapl = Instruments.equity("AAPL");
    private final Instrument es = new Instrument(
            InstrumentId.of("ES"),
            AssetClass.FUTURE,
            USD,
            Price.of("0.25"),
            Quantity.of(1),
            Quantity.of(50),
            null,
            new BigDecimal("0.1"),
            null);
    private final Instrument eurusd = new Instrument(
            InstrumentId.of("EUR/USD"),
            AssetClass.FX,
            USD,
            Price.of("0.0001"),
            Quantity.of(1000),
            Quantity.of(1),
            EUR,
            null,
            null);

    private static Portfolio account(AccountType type, boolean allowShort, Instrument... instruments) {
        return new Portfolio(
                new AccountSettings(
                        type,
                        USD,
                        Map.of(USD, Money.of("USD", "10000")),
                        allowShort,
                        LotMethod.AVERAGE_COST,
                        null,
                        Map.of(),
                        false),
                List.of(instruments));
    }

    private static RiskContext context(Portfolio p, Instrument ins, String price) {
        p.mark(ins.id(), Price.of(price));
        return new RiskContext(
                p,
                ins,
                Price.of(price),
                Quantity.ZERO,
                Money.zero(ins.currency()),
                Money.zero(ins.currency()),
                0,
                TradingState.ACTIVE,
                false);
    }

    private static OrderRequest market(Instrument ins, Side side, long quantity) {
        return OrderRequest.market("s", ins.id(), side, Quantity.of(quantity));
    }

    private static RuleCheck check(RiskRule rule, OrderRequest r, RiskContext c) {
        return rule.evaluate(r, c, RiskLimits.none()).orElseThrow();
    }

    @Nested
    class ShortSales {
        @Test
        void shouldPass_whenTheSellClosesExactlyWhatIsHeld() {
            Portfolio p = account(AccountType.CASH, false, aapl);
            p.apply(Fills.fill(aapl, Side.BUY, "10", "100", "0"));
            assertThat(check(new ShortSaleRule(), market(aapl, Side.SELL, 10), context(p, aapl, "100"))
                            .passed())
                    .isTrue();
        }

        @Test
        void shouldDenyWithThePosition_whenACashAccountWouldGoShort() {
            Portfolio p = account(AccountType.CASH, false, aapl);
            p.apply(Fills.fill(aapl, Side.BUY, "10", "100", "0"));
            RuleCheck c = check(new ShortSaleRule(), market(aapl, Side.SELL, 11), context(p, aapl, "100"));
            assertThat(c.passed()).isFalse();
            assertThat(c.code()).isEqualTo("SHORT_NOT_ALLOWED");
            assertThat(c.detail())
                    .isEqualTo(
                            "AAPL position would be -1: a cash account sells only what it holds (account.allow-short:"
                                    + " false)");
        }

        @Test
        void shouldNotApply_whenShortingIsAllowedOrTheAccountIsOnMargin() {
            OrderRequest sell = market(aapl, Side.SELL, 5);
            Portfolio allowed = account(AccountType.CASH, true, aapl);
            Portfolio margin = account(AccountType.MARGIN, false, aapl);
            assertThat(new ShortSaleRule().evaluate(sell, context(allowed, aapl, "100"), RiskLimits.none()))
                    .isEmpty();
            assertThat(new ShortSaleRule().evaluate(sell, context(margin, aapl, "100"), RiskLimits.none()))
                    .isEmpty();
        }
    }

    @Nested
    class CashPerCurrency {
        @Test
        void shouldNeedOnlyTheFee_whenACashAccountBuysAFuture() {
            Portfolio p = account(AccountType.CASH, false, es);
            RiskContext c = new RiskContext(
                    p,
                    es,
                    Price.of("4000"),
                    Quantity.ZERO,
                    Money.zero(USD),
                    Money.of("USD", "10000"),
                    0,
                    TradingState.ACTIVE,
                    false);
            assertThat(check(new CashSufficiencyRule(), market(es, Side.BUY, 5), c)
                            .passed())
                    .isTrue();
        }

        @Test
        void shouldNeedTheBaseCurrency_whenSellingAnFxPair() {
            Portfolio p = account(AccountType.CASH, false, eurusd);
            p.apply(Fills.fill(eurusd, Side.BUY, "1000", "1.1", "0"));
            assertThat(check(new CashSufficiencyRule(), market(eurusd, Side.SELL, 1000), context(p, eurusd, "1.1"))
                            .passed())
                    .isTrue();
            RuleCheck c = check(new CashSufficiencyRule(), market(eurusd, Side.SELL, 2000), context(p, eurusd, "1.1"));
            assertThat(c.passed()).isFalse();
            assertThat(c.detail()).isEqualTo("selling EUR/USD needs 2000 EUR > balance 1000 EUR");
        }

        @Test
        void shouldNotApply_whenTheAccountIsOnMargin() {
            Portfolio p = account(AccountType.MARGIN, false, aapl);
            assertThat(new CashSufficiencyRule()
                            .evaluate(market(aapl, Side.BUY, 1000), context(p, aapl, "100"), RiskLimits.none()))
                    .isEmpty();
        }
    }

    @Nested
    class Margin {
        @Test
        void shouldPass_whenTheInitialMarginEqualsEquity() {
            // 5 ES at 400 × 50 = 100,000 notional; 10% initial margin = 10,000 = equity
            Portfolio p = account(AccountType.MARGIN, false, es);
            assertThat(check(new MarginSufficiencyRule(), market(es, Side.BUY, 5), context(p, es, "400"))
                            .passed())
                    .isTrue();
        }

        @Test
        void shouldDenyWithTheNumbers_whenTheMarginWouldExceedEquity() {
            Portfolio p = account(AccountType.MARGIN, false, es);
            RuleCheck c = check(new MarginSufficiencyRule(), market(es, Side.BUY, 5), context(p, es, "400.25"));
            assertThat(c.passed()).isFalse();
            assertThat(c.code()).isEqualTo("INSUFFICIENT_MARGIN");
            assertThat(c.detail()).isEqualTo("initial margin would be 10006.25 > equity 10000");
        }

        @Test
        void shouldPass_whenTheOrderReducesThePosition() {
            Portfolio p = account(AccountType.MARGIN, false, es);
            p.apply(Fills.fill(es, Side.BUY, "5", "400", "0"));
            p.mark(es.id(), Price.of("300")); // equity 10,000 − 25,000: deep under water
            assertThat(check(new MarginSufficiencyRule(), market(es, Side.SELL, 2), context(p, es, "300"))
                            .passed())
                    .isTrue();
        }
    }
}
