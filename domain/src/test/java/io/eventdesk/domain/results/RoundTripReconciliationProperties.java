package io.eventdesk.domain.results;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventdesk.domain.event.OrderFilled;
import io.eventdesk.domain.instrument.Instrument;
import io.eventdesk.domain.order.Liquidity;
import io.eventdesk.domain.order.OrderId;
import io.eventdesk.domain.portfolio.AccountSettings;
import io.eventdesk.domain.portfolio.AccountType;
import io.eventdesk.domain.portfolio.LotMethod;
import io.eventdesk.domain.portfolio.Portfolio;
import io.eventdesk.domain.portfolio.StrategyPnl;
import io.eventdesk.domain.testing.Instruments;
import io.eventdesk.domain.value.Currency;
import io.eventdesk.domain.value.Money;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import io.eventdesk.domain.value.Side;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The round trips reconcile with the portfolio to the unit, whatever the fills: for random sequences of buys and
 * sells by two strategies in an equity and a future (flips, partial closes, fees), under average cost and FIFO, the
 * trips' realized PnL and fees add up to each strategy's, and every closed trip's gross PnL is its realized PnL.
 */
class RoundTripReconciliationProperties {
    private static final Currency USD = Currency.of("USD");
    private final Instrument aapl = Instruments.equity("AAPL");
    private final Instrument es = Instruments.future("ES", 50);

    record Step(boolean second, boolean future, boolean buy, int quantity, int priceTicks, int feeCents) {}

    @Provide
    Arbitrary<List<Step>> steps() {
        return Combinators.combine(
                        Arbitraries.of(false, true),
                        Arbitraries.of(false, true),
                        Arbitraries.of(false, true),
                        Arbitraries.integers().between(1, 30),
                        Arbitraries.integers().between(3_000, 5_000),
                        Arbitraries.integers().between(0, 500))
                .as(Step::new)
                .list()
                .ofMinSize(1)
                .ofMaxSize(60);
    }

    @Property(tries = 400)
    void shouldAddUpToEachStrategysBooks_whenFillsAreRandom(
            @ForAll("steps") List<Step> steps, @ForAll LotMethod method) {
        AccountSettings account = new AccountSettings(
                AccountType.MARGIN,
                USD,
                Map.of(USD, Money.of("USD", "100000000")),
                true,
                method,
                null,
                Map.of(),
                false);
        Portfolio portfolio = new Portfolio(account, List.of(aapl, es));
        List<RoundTrip> closed = new ArrayList<>();
        RoundTripBook book = new RoundTripBook(Map.of(aapl.id(), aapl, es.id(), es), method, closed::add);
        long n = 0;
        for (Step s : steps) {
            Instrument ins = s.future() ? es : aapl;
            Price price = s.future()
                    ? Price.of(BigDecimal.valueOf(s.priceTicks() * 25L, 2))
                    : Price.of(BigDecimal.valueOf(s.priceTicks() * 3L, 2));
            OrderFilled f = new OrderFilled(
                    ++n,
                    Instant.parse("2024-01-02T00:00:00Z").plusSeconds(60 * n),
                    new OrderId(n),
                    "F-" + n,
                    s.second() ? "b" : "a",
                    ins.id(),
                    s.buy() ? Side.BUY : Side.SELL,
                    Quantity.of(s.quantity()),
                    price,
                    Price.of("0"),
                    Money.of(USD, BigDecimal.valueOf(s.feeCents(), 2)),
                    Liquidity.TAKER);
            portfolio.apply(f);
            book.fill(f);
            book.mark(ins.id(), price);
        }
        List<RoundTrip> all = new ArrayList<>(closed);
        all.addAll(book.openTrips());
        for (StrategyPnl strategy : portfolio.strategies()) {
            BigDecimal realized = BigDecimal.ZERO;
            BigDecimal fees = BigDecimal.ZERO;
            for (RoundTrip t : all) {
                if (t.strategyId().equals(strategy.strategyId())) {
                    realized = realized.add(t.realizedPnl());
                    fees = fees.add(t.fees());
                }
            }
            assertThat(realized).isEqualByComparingTo(strategy.realizedPnl().toBigDecimal());
            assertThat(fees).isEqualByComparingTo(strategy.fees().toBigDecimal());
        }
        for (RoundTrip t : closed) {
            assertThat(t.grossPnl()).isEqualByComparingTo(t.realizedPnl());
            assertThat(t.mae().signum()).isLessThanOrEqualTo(0);
            assertThat(t.mfe().signum()).isGreaterThanOrEqualTo(0);
            assertThat(t.mae()).isLessThanOrEqualTo(t.grossPnl());
            assertThat(t.mfe()).isGreaterThanOrEqualTo(t.grossPnl());
        }
    }
}
