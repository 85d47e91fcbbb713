package io.eventdesk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventdesk.domain.instrument.Instrument;
import io.eventdesk.domain.market.Bar;
import io.eventdesk.domain.market.Trade;
import io.eventdesk.domain.order.OrderId;
import io.eventdesk.domain.order.OrderRequest;
import io.eventdesk.domain.order.OrderTerms;
import io.eventdesk.domain.order.TimeInForce;
import io.eventdesk.domain.port.ExecutionVenuePort;
import io.eventdesk.domain.portfolio.Portfolio;
import io.eventdesk.domain.testing.Bars;
import io.eventdesk.domain.testing.Instruments;
import io.eventdesk.domain.testing.RecordingReports;
import io.eventdesk.domain.testing.RecordingReports.Report;
import io.eventdesk.domain.value.Money;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import io.eventdesk.domain.value.Side;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ExecutionVenuePort} adapter must do. A venue author extends this class and returns the venue
 * under test: without friction (no slippage, no fees, no participation cap) from {@link #frictionlessVenue}, and
 * with the contract's stated costs from {@link #venueWithCosts}. The engine drives a venue exactly as
 * {@link #replay} does: for each bar, timers up to the open, the bar, then timers up to the close; for a tick,
 * timers up to its time, then the tick. Every fill changes the account the venue reads ({@link AccountingReports}),
 * so a venue that checks funds or short sales itself sees what it has sold and bought; the contract never sells
 * what the account does not hold.
 *
 * <p>The rules: an arrival never precedes the decision; nothing fills on data that opened (a bar) or happened (a
 * tick) before the order arrived; an order is acknowledged before it fills; a market order fills at the open of the
 * first bar after its arrival, worse by exactly the stated slippage (rounded to the tick against the trader, never
 * by more than one tick); every fill pays the stated fee on its notional; a limit never fills through its price and
 * a buy stop never below its trigger; a cash account is never overdrawn; a cancel or replace that arrives after the
 * order closed is refused as too late; IOC orders never outlive their first market data and FOK orders never fill
 * in part; reduce-only orders never open a position; prices off the tick grid are rejected; fill ids are unique.
 */
public abstract class ExecutionVenueContract {
    protected final Instrument aapl = Instruments.equity("AAPL");
    protected Portfolio account;
    protected AccountingReports accounting;
    protected RecordingReports reports;
    protected ExecutionVenuePort venue;

    /**
     * The costs a venue is asked to apply in {@link #venueWithCosts}.
     *
     * @param slippageBps how much worse than the bar's open (or the trade's price) a market order fills, in basis
     *     points of that price
     * @param feeBps the fee of every fill, maker or taker, in basis points of its notional (quantity × price ×
     *     multiplier), charged in the instrument's currency
     */
    public record Costs(BigDecimal slippageBps, BigDecimal feeBps) {}

    /** A venue trading {@code instruments} with this latency, no slippage and no fees. */
    protected abstract ExecutionVenuePort frictionlessVenue(List<Instrument> instruments, Duration latency);

    /**
     * A venue trading {@code instruments} with no latency, no participation cap, and exactly these costs. A venue
     * whose own cost models cannot express them may skip the cost rules with JUnit's {@code Assumptions.abort}, and
     * says so to its users.
     */
    protected abstract ExecutionVenuePort venueWithCosts(List<Instrument> instruments, Costs costs);

    @BeforeEach
    void setUpContract() {
        account = new Portfolio(Money.of("USD", "1000000"), List.of(aapl));
        accounting = new AccountingReports(account);
        reports = accounting.recorded();
        venue = frictionlessVenue(List.of(aapl), Duration.ZERO);
    }

    /** Sends an order to {@code v} as the engine does, telling the account about it. */
    protected Instant submit(ExecutionVenuePort v, OrderId id, OrderRequest request, Instant decided) {
        accounting.submitted(id, request, decided);
        return v.submit(id, request, decided);
    }

    /** Drives the venue over bars as the engine does. */
    protected void replay(ExecutionVenuePort v, Bar... bars) {
        for (Bar bar : bars) {
            v.advanceTo(bar.openTime(), accounting);
            v.onMarketData(bar, accounting);
            v.advanceTo(bar.closeTime(), accounting);
            account.mark(bar.instrument(), bar.close());
        }
    }

    private static Bar bar(int minute, String o, String h, String l, String c) {
        return Bars.aBar().of("AAPL").atMinute(minute).ohlc(o, h, l, c).build();
    }

    private OrderRequest market(Side side, long qty) {
        return OrderRequest.market("contract", aapl.id(), side, Quantity.of(qty));
    }

    @Test
    void shouldReturnAnArrivalNotBeforeTheDecision_whenAnOrderIsSubmitted() {
        Instant decided = Bars.T0.plusSeconds(60);
        assertThat(submit(venue, new OrderId(1), market(Side.BUY, 1), decided)).isAfterOrEqualTo(decided);
    }

    @Test
    void shouldFillAMarketOrderAtTheNextBarsOpen_whenDecidedAtABarsClose() {
        Bar first = bar(0, "100", "101", "99", "100.5");
        replay(venue, first);
        submit(venue, new OrderId(1), market(Side.BUY, 10), first.closeTime());
        Bar second = bar(1, "102", "104", "101", "103");
        replay(venue, second);
        assertThat(reports.fills()).singleElement().satisfies(f -> {
            assertThat(f.price()).isEqualTo(Price.of("102"));
            assertThat(f.quantity()).isEqualTo(Quantity.of(10));
            assertThat(f.time()).isAfterOrEqualTo(first.closeTime());
        });
    }

    @Test
    void shouldNeverFillOnABarThatOpenedBeforeTheOrderArrived_whenThereIsLatency() {
        ExecutionVenuePort slow = frictionlessVenue(List.of(aapl), Duration.ofMillis(1));
        Bar first = bar(0, "100", "101", "99", "100");
        replay(slow, first);
        Instant arrival = submit(slow, new OrderId(1), market(Side.BUY, 1), first.closeTime());
        replay(slow, bar(1, "150", "150", "150", "150")); // opened at the decision, before the arrival
        assertThat(reports.fills()).isEmpty();
        replay(slow, bar(2, "110", "111", "109", "110"));
        assertThat(reports.fills()).singleElement().satisfies(f -> {
            assertThat(f.price()).isEqualTo(Price.of("110"));
            assertThat(f.time()).isAfterOrEqualTo(arrival);
        });
    }

    @Test
    void shouldNeverFillALimitBuyAboveItsLimit_whenTheMarketMovesAround() {
        Bar first = bar(0, "100", "100", "100", "100");
        replay(venue, first);
        submit(
                venue,
                new OrderId(1),
                OrderRequest.limit("contract", aapl.id(), Side.BUY, Quantity.of(1), Price.of("95"), TimeInForce.GTC),
                first.closeTime());
        replay(venue, bar(1, "100", "101", "96", "97"));
        assertThat(reports.fills()).isEmpty();
        replay(venue, bar(2, "97", "98", "94", "95"));
        assertThat(reports.fills())
                .singleElement()
                .satisfies(f -> assertThat(f.price().compareTo(Price.of("95"))).isLessThanOrEqualTo(0));
    }

    @Test
    void shouldAcknowledgeBeforeFilling_whenAnOrderLivesItsLife() {
        Bar first = bar(0, "100", "100", "100", "100");
        replay(venue, first);
        submit(venue, new OrderId(7), market(Side.BUY, 1), first.closeTime());
        replay(venue, bar(1, "101", "101", "101", "101"));
        assertThat(reports.all()).extracting(Report::kind).containsExactly("accepted", "filled");
    }

    @Test
    void shouldNotFillWhatTheAccountCannotPay_whenACashBuyIsTooLarge() {
        Bar first = bar(0, "100", "100", "100", "100");
        replay(venue, first);
        submit(venue, new OrderId(1), market(Side.BUY, 20_000), first.closeTime()); // 2,000,000 > 1,000,000
        replay(venue, bar(1, "100", "100", "100", "100"));
        assertThat(reports.fills()).isEmpty();
        assertThat(reports.of("canceled").size() + reports.of("rejected").size())
                .isEqualTo(1);
    }

    private OrderRequest restingBuy(String limit) {
        return OrderRequest.limit("contract", aapl.id(), Side.BUY, Quantity.of(1), Price.of(limit), TimeInForce.GTC);
    }

    @Test
    void shouldCancelARestingOrder_whenTheCancelArrives() {
        Bar first = bar(0, "100", "100", "100", "100");
        replay(venue, first);
        submit(venue, new OrderId(1), restingBuy("90"), first.closeTime());
        Bar second = bar(1, "100", "101", "99", "100");
        replay(venue, second);
        Instant arrival = venue.cancel(new OrderId(1), second.closeTime());
        replay(venue, bar(2, "80", "80", "80", "80"));
        assertThat(reports.all()).extracting(Report::kind).containsExactly("accepted", "canceled");
        assertThat(reports.of("canceled").get(0).time()).isEqualTo(arrival);
    }

    @Test
    void shouldRejectTheCancelAsTooLate_whenTheOrderFilledFirst() {
        Bar first = bar(0, "100", "100", "100", "100");
        replay(venue, first);
        submit(venue, new OrderId(1), restingBuy("90"), first.closeTime());
        replay(venue, bar(1, "89", "90", "88", "89")); // fills at the open, 89
        venue.cancel(new OrderId(1), bar(1, "89", "90", "88", "89").closeTime());
        replay(venue, bar(2, "89", "89", "89", "89"));
        assertThat(reports.all()).extracting(Report::kind).containsExactly("accepted", "filled", "cancelRejected");
    }

    @Test
    void shouldFillAReplacedOrderOnlyAtItsNewPriceOnBarsOpeningAfterTheReplaceArrived_whenReplaced() {
        ExecutionVenuePort slow = frictionlessVenue(List.of(aapl), Duration.ofMillis(1));
        Bar first = bar(0, "100", "100", "100", "100");
        replay(slow, first);
        submit(slow, new OrderId(1), restingBuy("90"), first.closeTime());
        Bar second = bar(1, "100", "100", "100", "100");
        replay(slow, second); // accepted during this bar
        slow.replace(new OrderId(1), Quantity.of(2), Price.of("99"), null, second.closeTime());
        replay(slow, bar(2, "99", "99", "98", "98")); // opened before the replace arrived: no fill at 99
        assertThat(reports.fills()).isEmpty();
        replay(slow, bar(3, "98.5", "99", "98", "99"));
        assertThat(reports.all()).extracting(Report::kind).containsExactly("accepted", "replaced", "filled");
        assertThat(reports.fills().get(0).price()).isEqualTo(Price.of("98.5"));
        assertThat(reports.fills().get(0).quantity()).isEqualTo(Quantity.of(2));
    }

    @Test
    void shouldUseOnlyPricesOfBarsAfterArrival_whenManyRandomOrdersMeetRandomBars() {
        Random random = new Random(20240102);
        int minute = 0;
        long id = 0;
        Bar last = bar(minute, "100", "100", "100", "100");
        replay(venue, last);
        submit(venue, new OrderId(++id), market(Side.BUY, 1000), last.closeTime()); // what the sells below sell
        last = bar(++minute, "100", "100", "100", "100");
        replay(venue, last);
        assertThat(account.position(aapl.id())).isEqualTo(Quantity.of(1000));
        java.util.Map<OrderId, Instant> arrivals = new java.util.HashMap<>();
        java.util.Set<OrderId> markets = new java.util.HashSet<>();
        for (int round = 0; round < 300; round++) {
            Instant decided = last.closeTime();
            Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
            OrderRequest req = random.nextBoolean()
                    ? market(side, 1 + random.nextInt(3))
                    : OrderRequest.limit(
                            "contract",
                            aapl.id(),
                            side,
                            Quantity.of(1 + random.nextInt(3)),
                            Price.of(String.valueOf(90 + random.nextInt(20))),
                            TimeInForce.GTC);
            OrderId orderId = new OrderId(++id);
            arrivals.put(orderId, submit(venue, orderId, req, decided));
            if (req.terms().type() == io.eventdesk.domain.order.OrderType.MARKET) {
                markets.add(orderId);
            }
            int before = reports.fills().size();
            int o = 90 + random.nextInt(20);
            int h = o + random.nextInt(5);
            int l = o - random.nextInt(5);
            int c = l + random.nextInt(h - l + 1);
            last = bar(++minute, "" + o, "" + h, "" + l, "" + c);
            replay(venue, last);
            for (Report f : reports.fills().subList(before, reports.fills().size())) {
                assertThat(f.time()).isAfterOrEqualTo(arrivals.get(f.order()));
                assertThat(f.time()).isBetween(last.openTime(), last.closeTime());
                assertThat(f.price()).isBetween(Price.of("" + l), Price.of("" + h));
                assertThat(f.fee().isZero()).as("fee of a frictionless fill").isTrue();
                if (markets.contains(f.order())) {
                    assertThat(f.price()).as("a market order's fill: the open").isEqualTo(Price.of("" + o));
                }
            }
        }
    }

    private OrderRequest with(Side side, long qty, OrderTerms terms) {
        return new OrderRequest("contract", aapl.id(), side, Quantity.of(qty), terms);
    }

    @Test
    void shouldFillABuyStopNoLowerThanItsTrigger_whenThePathCrossesIt() {
        submit(venue, new OrderId(1), with(Side.BUY, 5, OrderTerms.stop(Price.of("102"))), Bars.T0);
        replay(venue, bar(0, "100", "101", "99", "100"));
        assertThat(reports.fills()).isEmpty();
        replay(venue, bar(1, "100", "103", "99.5", "102.5"));
        assertThat(reports.fills())
                .singleElement()
                .satisfies(f -> assertThat(f.price()).isGreaterThanOrEqualTo(Price.of("102")));
    }

    @Test
    void shouldLeaveNothingWorking_whenAnIocOrderMetItsFirstBar() {
        submit(
                venue,
                new OrderId(1),
                with(Side.BUY, 5, OrderTerms.limit(Price.of("95")).with(TimeInForce.IOC)),
                Bars.T0);
        replay(venue, bar(0, "100", "101", "94", "100"));
        replay(venue, bar(1, "90", "91", "89", "90"));
        assertThat(reports.fills()).isEmpty(); // the open was not through the limit: nothing was immediate
        assertThat(reports.all()).extracting(Report::kind).containsExactly("accepted", "canceled");
    }

    @Test
    void shouldNeverPartiallyFillAFokOrder_whenItArrives() {
        submit(venue, new OrderId(1), with(Side.BUY, 5, OrderTerms.market().with(TimeInForce.FOK)), Bars.T0);
        replay(venue, bar(0, "100", "101", "99", "100"));
        assertThat(reports.fills()).allSatisfy(f -> assertThat(f.quantity()).isEqualTo(Quantity.of(5)));
        assertThat(reports.all()).extracting(Report::kind).last().isIn("filled", "canceled");
    }

    @Test
    void shouldRejectAReduceOnlyOrder_whenThereIsNothingToReduce() {
        submit(venue, new OrderId(1), with(Side.SELL, 5, OrderTerms.market().asReduceOnly()), Bars.T0);
        replay(venue, bar(0, "100", "101", "99", "100"));
        assertThat(reports.all()).extracting(Report::kind).containsExactly("rejected");
    }

    @Test
    void shouldRejectPricesOffTheTickGrid_whenAnOrderArrives() {
        submit(venue, new OrderId(1), with(Side.BUY, 5, OrderTerms.limit(Price.of("99.999"))), Bars.T0);
        submit(venue, new OrderId(2), with(Side.BUY, 5, OrderTerms.stop(Price.of("100.001"))), Bars.T0);
        replay(venue, bar(0, "100", "101", "99", "100"));
        assertThat(reports.all()).extracting(Report::kind).containsExactly("rejected", "rejected");
    }

    @Test
    void shouldFillOnlyOnTicksAfterArrival_whenTradesAreTheData() {
        ExecutionVenuePort slow = frictionlessVenue(List.of(aapl), Duration.ofSeconds(1));
        submit(slow, new OrderId(1), market(Side.BUY, 5), Bars.T0);
        for (int second = 0; second <= 2; second++) {
            Trade t =
                    new Trade(aapl.id(), Bars.T0.plusSeconds(second), Price.of("10" + second), Quantity.of(100), null);
            slow.advanceTo(t.time(), accounting);
            slow.onMarketData(t, accounting);
        }
        assertThat(reports.fills()).singleElement().satisfies(f -> {
            assertThat(f.price()).isEqualTo(Price.of("102"));
            assertThat(f.time()).isEqualTo(Bars.T0.plusSeconds(2));
        });
    }

    @Test
    void shouldGiveEveryFillItsOwnId_whenOrdersFillInPieces() {
        for (long i = 1; i <= 20; i++) {
            submit(venue, new OrderId(i), with(Side.BUY, 1, OrderTerms.market()), Bars.T0);
        }
        replay(venue, bar(0, "100", "101", "99", "100"));
        assertThat(reports.fills())
                .extracting(Report::reason)
                .doesNotHaveDuplicates()
                .hasSize(20);
    }

    @Test
    void shouldFillAMarketSellAtTheNextBarsOpen_whenDecidedAtABarsClose() {
        Bar first = bar(0, "100", "101", "99", "100.5");
        replay(venue, first);
        submit(venue, new OrderId(1), market(Side.BUY, 10), first.closeTime());
        Bar second = bar(1, "102", "104", "101", "103");
        replay(venue, second);
        submit(venue, new OrderId(2), market(Side.SELL, 10), second.closeTime());
        replay(venue, bar(2, "103.5", "109", "98", "100")); // the high and the low are not known at the open
        assertThat(reports.fills()).hasSize(2).last().satisfies(f -> {
            assertThat(f.order()).isEqualTo(new OrderId(2));
            assertThat(f.price()).isEqualTo(Price.of("103.5"));
            assertThat(f.quantity()).isEqualTo(Quantity.of(10));
        });
        assertThat(account.position(aapl.id()).isZero()).isTrue();
    }

    private static final BigDecimal BPS = new BigDecimal("10000");

    @Test
    void shouldFillMarketOrdersWorseByTheStatedSlippage_whenSlippageIsConfigured() {
        ExecutionVenuePort slipping = venueWithCosts(List.of(aapl), new Costs(new BigDecimal("10"), BigDecimal.ZERO));
        Bar first = bar(0, "100", "100", "100", "100");
        replay(slipping, first);
        submit(slipping, new OrderId(1), market(Side.BUY, 10), first.closeTime());
        Bar second = bar(1, "101.23", "104", "99", "103");
        replay(slipping, second);
        submit(slipping, new OrderId(2), market(Side.SELL, 10), second.closeTime());
        replay(slipping, bar(2, "98.77", "99", "95", "96"));
        assertThat(reports.fills()).hasSize(2);
        BigDecimal tick = aapl.tickSize().toBigDecimal();
        BigDecimal buyExact = new BigDecimal("101.23").multiply(BigDecimal.ONE.add(BigDecimal.TEN.divide(BPS)));
        BigDecimal buy = reports.fills().get(0).price().toBigDecimal();
        assertThat(buy)
                .as("a buy 10 bps worse than the open 101.23 (%s), rounded up to the tick", buyExact)
                .isGreaterThanOrEqualTo(buyExact)
                .isLessThan(buyExact.add(tick));
        BigDecimal sellExact = new BigDecimal("98.77").multiply(BigDecimal.ONE.subtract(BigDecimal.TEN.divide(BPS)));
        BigDecimal sell = reports.fills().get(1).price().toBigDecimal();
        assertThat(sell)
                .as("a sell 10 bps worse than the open 98.77 (%s), rounded down to the tick", sellExact)
                .isLessThanOrEqualTo(sellExact)
                .isGreaterThan(sellExact.subtract(tick));
    }

    @Test
    void shouldChargeTheStatedFeeOnEveryFill_whenFeesAreConfigured() {
        ExecutionVenuePort charging = venueWithCosts(List.of(aapl), new Costs(BigDecimal.ZERO, new BigDecimal("25")));
        Bar first = bar(0, "100", "100", "100", "100");
        replay(charging, first);
        submit(charging, new OrderId(1), market(Side.BUY, 10), first.closeTime());
        submit(
                charging,
                new OrderId(2),
                OrderRequest.limit("contract", aapl.id(), Side.BUY, Quantity.of(7), Price.of("97.5"), TimeInForce.GTC),
                first.closeTime());
        Bar second = bar(1, "100.4", "101", "99", "100");
        replay(charging, second);
        submit(charging, new OrderId(3), market(Side.SELL, 3), second.closeTime());
        replay(charging, bar(2, "99", "99.5", "97", "98")); // the limit fills here, resting
        assertThat(reports.fills()).hasSize(3).allSatisfy(f -> {
            BigDecimal notional = f.price().toBigDecimal().multiply(f.quantity().toBigDecimal());
            BigDecimal expected = notional.multiply(new BigDecimal("25")).divide(BPS);
            assertThat(f.fee().currency()).isEqualTo(aapl.currency());
            assertThat(f.fee().toBigDecimal().subtract(expected).abs())
                    .as("fee of %s: %s at %s, 25 bps of %s", f.order(), f.quantity(), f.price(), notional)
                    .isLessThanOrEqualTo(new BigDecimal("0.01"));
        });
        Money fees =
                reports.fills().stream().map(Report::fee).reduce(Money::plus).orElseThrow();
        assertThat(account.totalFees()).isEqualTo(fees);
    }
}
