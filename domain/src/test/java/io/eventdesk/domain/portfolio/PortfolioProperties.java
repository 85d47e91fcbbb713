package io.eventdesk.domain.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventdesk.domain.event.OrderFilled;
import io.eventdesk.domain.instrument.Instrument;
import io.eventdesk.domain.order.Liquidity;
import io.eventdesk.domain.order.OrderId;
import io.eventdesk.domain.testing.Instruments;
import io.eventdesk.domain.value.Money;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import io.eventdesk.domain.value.Side;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Invariants of the portfolio over random sequences of fills and marks. */
class PortfolioProperties {
    private static final Instrument EQUITY = Instruments.equity("AAPL");
    private static final Instrument FUTURE = Instruments.future("ES", 50);
    private static final Instrument CRYPTO = Instruments.crypto("BTC");
    private static final List<Instrument> ALL = List.of(EQUITY, FUTURE, CRYPTO);
    private static final Money START = Money.of("USD", "100000000");

    /** One step: a fill (quantity != 0) or a mark (quantity == 0). */
    record Step(int instrument, long lots, long ticks, long feeCents) {}

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> step = Combinators.combine(
                        Arbitraries.integers().between(0, 2),
                        Arbitraries.longs().between(-50, 50),
                        Arbitraries.longs().between(1, 400_000),
                        Arbitraries.longs().between(0, 500))
                .as(Step::new);
        return step.list().ofMinSize(1).ofMaxSize(60);
    }

    @Property(tries = 1000)
    void shouldKeepTheBooksExact_whenAnySequenceOfFillsAndMarksIsApplied(@ForAll("steps") List<Step> steps) {
        Portfolio p = new Portfolio(START, ALL);
        long seq = 0;
        List<Quantity> expected = new ArrayList<>(List.of(Quantity.ZERO, Quantity.ZERO, Quantity.ZERO));
        for (Step s : steps) {
            Instrument ins = ALL.get(s.instrument());
            Price price =
                    new Price(s.ticks() * ins.tickSize().units(), ins.tickSize().scale());
            Quantity before = p.position(ins.id());
            if (s.lots() == 0) {
                p.mark(ins.id(), price);
                assertThat(p.position(ins.id())).isEqualTo(before); // positions change only on fills
                continue;
            }
            Quantity qty = new Quantity(
                    Math.abs(s.lots()) * ins.lotSize().units(), ins.lotSize().scale());
            Money fee = new Money(Instruments.USD, s.feeCents() * 1_000_000L);
            Side side = s.lots() > 0 ? Side.BUY : Side.SELL;
            OrderFilled f = new OrderFilled(
                    ++seq,
                    Instant.EPOCH.plusSeconds(seq),
                    new OrderId(seq),
                    "F-" + seq,
                    "p",
                    ins.id(),
                    side,
                    qty,
                    price,
                    new Price(0, 0),
                    fee,
                    Liquidity.TAKER);
            Money cashAfter =
                    p.cash().minus(ins.signedValue(price, side.signed(qty))).minus(fee);
            if (cashAfter.isNegative()) {
                // a cash venue refuses what the account cannot pay; the portfolio would stop the run
                assertThatThrownBy(() -> p.apply(f)).isInstanceOf(PortfolioInvariantViolation.class);
                return;
            }
            p.apply(f);
            expected.set(s.instrument(), expected.get(s.instrument()).plus(side.signed(qty)));
        }
        Money positionsValue = Money.zero(Instruments.USD);
        Money costBasis = Money.zero(Instruments.USD);
        Money gross = Money.zero(Instruments.USD);
        for (int i = 0; i < ALL.size(); i++) {
            assertThat(p.position(ALL.get(i).id())).isEqualTo(expected.get(i));
        }
        for (PositionView v : p.positions()) {
            positionsValue = positionsValue.plus(v.marketValue());
            costBasis = costBasis.plus(v.costBasis());
            gross = gross.plus(v.marketValue().abs());
        }
        assertThat(p.cash().isNegative()).isFalse();
        assertThat(p.equity()).isEqualTo(p.cash().plus(positionsValue));
        assertThat(p.netExposure()).isEqualTo(positionsValue);
        assertThat(p.grossExposure()).isEqualTo(gross);
        // realized − fees = change in cash + what is still invested (no deposits)
        assertThat(p.realizedPnl().minus(p.totalFees()))
                .isEqualTo(p.cash().minus(START).plus(costBasis));
        assertThat(p.unrealizedPnl()).isEqualTo(positionsValue.minus(costBasis));
        assertThat(p.equity().minus(START))
                .isEqualTo(p.realizedPnl().plus(p.unrealizedPnl()).minus(p.totalFees()));
    }
}
