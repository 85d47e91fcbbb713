package io.eventdesk.domain.port;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventdesk.domain.instrument.Instrument;
import io.eventdesk.domain.market.Bar;
import io.eventdesk.domain.market.Trade;
import io.eventdesk.domain.order.OrderId;
import io.eventdesk.domain.order.OrderRequest;
import io.eventdesk.domain.order.OrderTerms;
import io.eventdesk.domain.order.TimeInForce;
import io.eventdesk.domain.portfolio.Portfolio;
import io.eventdesk.domain.testing.Bars;
import io.eventdesk.domain.testing.Instruments;
import io.eventdesk.domain.testing.RecordingReports;
import io.eventdesk.domain.testing.RecordingReports.Report;
import io.eventdesk.domain.value.Money;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import io.eventdesk.domain.value.Side;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ExecutionVenuePort} adapter must do. A venue author extends this class, returns a venue
 * with no slippage, no fees and no participation cap from {@link #frictionlessVenue}, and runs it with the
 * adapter's tests. The engine drives a venue exactly as {@link #replay} does: for each bar, timers up to the open,
 * the bar, then timers up to the close; for a tick, timers up to its time, then the tick.
 *
 * <p>The rules: an arrival never precedes the decision; nothing fills on data that opened (a bar) or happened (a
 * tick) before the order arrived; an order is acknowledged before it fills; a limit never fills through its price
 * and a buy stop never below its trigger; a cash account is never overdrawn; a cancel or replace that arrives after
 * the order closed is refused as too late; IOC orders never outlive their first market data and FOK orders never
 * fill in part; reduce-only orders never open a position; prices off the tick grid are rejected; fill ids are
 * unique.
 */
public abstract class ExecutionVenueContract {
    protected final Instrument aapl = Instruments.equity("AAPL");
    protected Portfolio account;
    protected RecordingReports reports;
    protected ExecutionVenuePort venue;

    /** A venue trading {@code instruments} with this latency, no slippage and no fees. */
    protected abstract ExecutionVenuePort frictionlessVenue(List<Instrument> instruments, Duration latency);

    @BeforeEach
    void setUpContract() {
        account = new Portfolio(Money.of("USD", "1000000"), List.of(aapl));
        reports = new RecordingReports(account);
        venue = frictionlessVenue(List.of(aapl), Duration.ZERO);
    }

    /** Drives the venue over bars as the engine does. */
    protected void replay(ExecutionVenuePort v, Bar... bars) {
        for (Bar bar : bars) {
            v.advanceTo(bar.openTime(), reports);
            v.onMarketData(bar, reports);
            v.advanceTo(bar.closeTime(), reports);
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
        assertThat(venue.submit(new OrderId(1), market(Side.BUY, 1), decided)).isAfterOrEqualTo(decided);
    }

    @Test
    void shouldFillAMarketOrderAtTheNextBarsOpen_whenDecidedAtABarsClose() {
        Bar first = bar(0, "100", "101", "99", "100.5");
        replay(venue, first);
        venue.submit(new OrderId(1), market(Side.BUY, 10), first.closeTime());
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
        Instant arrival = slow.submit(new OrderId(1), market(Side.BUY, 1), first.closeTime());
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
        venue.submit(
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
        venue.submit(new OrderId(7), market(Side.SELL, 1), first.closeTime());
        replay(venue, bar(1, "101", "101", "101", "101"));
        assertThat(reports.all()).extracting(Report::kind).containsExactly("accepted", "filled");
    }

    @Test
    void shouldNotFillWhatTheAccountCannotPay_whenACashBuyIsTooLarge() {
        Bar first = bar(0, "100", "100", "100", "100");
        replay(venue, first);
        venue.submit(new OrderId(1), market(Side.BUY, 20_000), first.closeTime()); // 2,000,000 > 1,000,000
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
        venue.submit(new OrderId(1), restingBuy("90"), first.closeTime());
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
        venue.submit(new OrderId(1), restingBuy("90"), first.closeTime());
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
        slow.submit(new OrderId(1), restingBuy("90"), first.closeTime());
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
        java.util.Map<OrderId, Instant> arrivals = new java.util.HashMap<>();
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
            arrivals.put(orderId, venue.submit(orderId, req, decided));
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
            }
        }
    }

    private OrderRequest with(Side side, long qty, OrderTerms terms) {
        return new OrderRequest("contract", aapl.id(), side, Quantity.of(qty), terms);
    }

    @Test
    void shouldFillABuyStopNoLowerThanItsTrigger_whenThePathCrossesIt() {
        venue.submit(new OrderId(1), with(Side.BUY, 5, OrderTerms.stop(Price.of("102"))), Bars.T0);
        replay(venue, bar(0, "100", "101", "99", "100"));
        assertThat(reports.fills()).isEmpty();
        replay(venue, bar(1, "100", "103", "99.5", "102.5"));
        assertThat(reports.fills())
                .singleElement()
                .satisfies(f -> assertThat(f.price()).isGreaterThanOrEqualTo(Price.of("102")));
    }

    @Test
    void shouldLeaveNothingWorking_whenAnIocOrderMetItsFirstBar() {
        venue.submit(
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
        venue.submit(new OrderId(1), with(Side.BUY, 5, OrderTerms.market().with(TimeInForce.FOK)), Bars.T0);
        replay(venue, bar(0, "100", "101", "99", "100"));
        assertThat(reports.fills()).allSatisfy(f -> assertThat(f.quantity()).isEqualTo(Quantity.of(5)));
        assertThat(reports.all()).extracting(Report::kind).last().isIn("filled", "canceled");
    }

    @Test
    void shouldRejectAReduceOnlyOrder_whenThereIsNothingToReduce() {
        venue.submit(new OrderId(1), with(Side.SELL, 5, OrderTerms.market().asReduceOnly()), Bars.T0);
        replay(venue, bar(0, "100", "101", "99", "100"));
        assertThat(reports.all()).extracting(Report::kind).containsExactly("rejected");
    }

    @Test
    void shouldRejectPricesOffTheTickGrid_whenAnOrderArrives() {
        venue.submit(new OrderId(1), with(Side.BUY, 5, OrderTerms.limit(Price.of("99.999"))), Bars.T0);
        venue.submit(new OrderId(2), with(Side.BUY, 5, OrderTerms.stop(Price.of("100.001"))), Bars.T0);
        replay(venue, bar(0, "100", "101", "99", "100"));
        assertThat(reports.all()).extracting(Report::kind).containsExactly("rejected", "rejected");
    }

    @Test
    void shouldFillOnlyOnTicksAfterArrival_whenTradesAreTheData() {
        ExecutionVenuePort slow = frictionlessVenue(List.of(aapl), Duration.ofSeconds(1));
        slow.submit(new OrderId(1), market(Side.BUY, 5), Bars.T0);
        for (int second = 0; second <= 2; second++) {
            Trade t =
                    new Trade(aapl.id(), Bars.T0.plusSeconds(second), Price.of("10" + second), Quantity.of(100), null);
            slow.advanceTo(t.time(), reports);
            slow.onMarketData(t, reports);
        }
        assertThat(reports.fills()).singleElement().satisfies(f -> {
            assertThat(f.price()).isEqualTo(Price.of("102"));
            assertThat(f.time()).isEqualTo(Bars.T0.plusSeconds(2));
        });
    }

    @Test
    void shouldGiveEveryFillItsOwnId_whenOrdersFillInPieces() {
        for (long i = 1; i <= 20; i++) {
            venue.submit(new OrderId(i), with(i % 2 == 0 ? Side.BUY : Side.SELL, 1, OrderTerms.market()), Bars.T0);
        }
        replay(venue, bar(0, "100", "101", "99", "100"));
        assertThat(reports.fills())
                .extracting(Report::reason)
                .doesNotHaveDuplicates()
                .hasSize(20);
    }
}
