package io.eventdesk.adapters.broker.paper;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventdesk.domain.instrument.Instrument;
import io.eventdesk.domain.market.Bar;
import io.eventdesk.domain.market.MarketData;
import io.eventdesk.domain.market.Quote;
import io.eventdesk.domain.market.Trade;
import io.eventdesk.domain.order.Liquidity;
import io.eventdesk.domain.order.OrderId;
import io.eventdesk.domain.order.OrderRequest;
import io.eventdesk.domain.order.OrderTerms;
import io.eventdesk.domain.order.TimeInForce;
import io.eventdesk.domain.port.ExecutionVenuePort;
import io.eventdesk.domain.portfolio.Portfolio;
import io.eventdesk.domain.testing.Bars;
import io.eventdesk.domain.testing.Fills;
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
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Order types, time in force, liquidity, latency, slippage and fees of the paper venue, one rule per test. */
class PaperVenueExecutionTest {
    private final Instrument aapl = Instruments.equity("AAPL");
    private final Portfolio account = new Portfolio(Money.of("USD", "1000000"), List.of(aapl));
    private final RecordingReports reports = new RecordingReports(account);
    private long ids;

    private static PaperVenueConfig frictionless() {
        return PaperVenueConfig.frictionless();
    }

    private ExecutionVenuePort venue(PaperVenueConfig config) {
        return PaperVenues.create(config, List.of(aapl));
    }

    private void replay(ExecutionVenuePort v, MarketData... data) {
        for (MarketData d : data) {
            Instant opens = d instanceof Bar b ? b.openTime() : d.knownTime();
            v.advanceTo(opens, reports);
            v.onMarketData(d, reports);
            v.advanceTo(d.knownTime(), reports);
        }
    }

    private static Bar bar(int minute, String o, String h, String l, String c) {
        return Bars.aBar().of("AAPL").atMinute(minute).ohlc(o, h, l, c).build();
    }

    private static Bar bar(int minute, String o, String h, String l, String c, String volume) {
        return Bars.aBar()
                .of("AAPL")
                .atMinute(minute)
                .ohlc(o, h, l, c)
                .volume(volume)
                .build();
    }

    private OrderId send(ExecutionVenuePort v, Side side, long quantity, OrderTerms terms) {
        OrderId id = new OrderId(++ids);
        v.submit(id, new OrderRequest("t", aapl.id(), side, Quantity.of(quantity), terms), Bars.T0);
        return id;
    }

    private static OrderTerms limit(String price) {
        return OrderTerms.limit(Price.of(price));
    }

    private static Trade trade(int second, String price, long size) {
        return new Trade(
                Instruments.equity("AAPL").id(), Bars.T0.plusSeconds(second), Price.of(price), Quantity.of(size), null);
    }

    private static Quote quote(int second, String bid, String ask, Long bidSize, Long askSize) {
        return new Quote(
                Instruments.equity("AAPL").id(),
                Bars.T0.plusSeconds(second),
                bid == null ? null : Price.of(bid),
                ask == null ? null : Price.of(ask),
                bidSize == null ? null : Quantity.of(bidSize),
                askSize == null ? null : Quantity.of(askSize));
    }

    private List<String> kinds() {
        return reports.all().stream().map(Report::kind).toList();
    }

    private Report onlyFill() {
        assertThat(reports.fills()).hasSize(1);
        return reports.fills().get(0);
    }

    @Nested
    class StopsOnBars {
        @Test
        void shouldFillAtTheTriggerAtTheBarsClose_whenThePathCrossesABuyStop() {
            ExecutionVenuePort v = venue(frictionless());
            send(v, Side.BUY, 10, OrderTerms.stop(Price.of("102")));
            Bar b = bar(0, "100", "103", "99", "101");
            replay(v, b);
            assertThat(kinds()).containsExactly("accepted", "triggered", "filled");
            Report fill = onlyFill();
            assertThat(fill.price()).isEqualTo(Price.of("102"));
            assertThat(fill.time()).isEqualTo(b.closeTime()); // the touch is known at the close
            assertThat(fill.liquidity()).isEqualTo(Liquidity.TAKER);
        }

        @Test
        void shouldFillAtTheOpen_whenTheBarGapsThroughABuyStop() {
            ExecutionVenuePort v = venue(frictionless());
            send(v, Side.BUY, 10, OrderTerms.stop(Price.of("102")));
            Bar b = bar(0, "104", "105", "103", "104");
            replay(v, b);
            assertThat(onlyFill().price()).isEqualTo(Price.of("104"));
            assertThat(onlyFill().time()).isEqualTo(b.openTime());
        }

        @Test
        void shouldFillASellStopAtItsTrigger_whenThePathFallsThroughIt() {
            ExecutionVenuePort v = venue(frictionless());
            send(v, Side.SELL, 10, OrderTerms.stop(Price.of("98")));
            replay(v, bar(0, "100", "100.5", "97", "99"));
            assertThat(onlyFill().price()).isEqualTo(Price.of("98"));
        }

        @Test
        void shouldNotTrigger_whenThePathStopsShortOfTheTrigger() {
            ExecutionVenuePort v = venue(frictionless());
            send(v, Side.BUY, 10, OrderTerms.stop(Price.of("102")));
            replay(v, bar(0, "100", "101.99", "99", "101"));
            assertThat(kinds()).containsExactly("accepted");
        }

        @Test
        void shouldWorkAsALimitAfterTheTrigger_whenAStopLimitTriggersAboveItsLimit() {
            // O→H→L→C (the high is nearer): triggered at 102 on the way up, the limit 101 is reached on the way down
            ExecutionVenuePort v = venue(frictionless());
            send(v, Side.BUY, 10, OrderTerms.stopLimit(Price.of("102"), Price.of("101")));
            replay(v, bar(0, "100", "103", "95", "99"));
            assertThat(kinds()).containsExactly("accepted", "triggered", "filled");
            assertThat(onlyFill().price()).isEqualTo(Price.of("101"));
            assertThat(onlyFill().liquidity()).isEqualTo(Liquidity.MAKER);
        }

        @Test
        void shouldNotFillTheLimitBeforeTheTrigger_whenThePathReachesTheLimitFirst() {
            // O→L→H→C (the low is nearer): the low 99.5 comes before the trigger, so the limit 100 is not yet working;
            // after the trigger at 102 the path goes up to 103 and closes at 101.5, above the limit
            ExecutionVenuePort v = venue(frictionless());
            send(v, Side.BUY, 10, OrderTerms.stopLimit(Price.of("102"), Price.of("100")));
            replay(v, bar(0, "100.2", "103", "99.5", "101.5"));
            assertThat(kinds()).containsExactly("accepted", "triggered");
            replay(v, bar(1, "101", "101", "99.8", "100")); // now a limit at 100: reached
            assertThat(onlyFill().price()).isEqualTo(Price.of("100"));
        }

        @Test
        void shouldFillAStopLimitAtTheOpen_whenTheOpenGapsThroughTheTriggerButNotTheLimit() {
            ExecutionVenuePort v = venue(frictionless());
            send(v, Side.BUY, 10, OrderTerms.stopLimit(Price.of("102"), Price.of("103")));
            replay(v, bar(0, "102.5", "104", "102", "103"));
            assertThat(onlyFill().price()).isEqualTo(Price.of("102.5"));
            assertThat(onlyFill().liquidity()).isEqualTo(Liquidity.TAKER);
        }

        @Test
        void shouldFollowTheConfiguredPath_whenTheBarPathIsHighFirst() {
            // a buy limit at 98 and a sell limit at 101.5 compete for 10 units: the path decides who is reached first
            for (BarPath path : List.of(BarPath.HIGH_FIRST, BarPath.LOW_FIRST)) {
                RecordingReports r = new RecordingReports(account);
                ExecutionVenuePort v = PaperVenues.create(
                        frictionless().withParticipation(new BigDecimal("0.1")).withBarPath(path), List.of(aapl));
                v.submit(
                        new OrderId(1),
                        new OrderRequest("t", aapl.id(), Side.BUY, Quantity.of(10), limit("98")),
                        Bars.T0);
                v.submit(
                        new OrderId(2),
                        new OrderRequest("t", aapl.id(), Side.SELL, Quantity.of(10), limit("101.5")),
                        Bars.T0);
                Bar b = bar(0, "100", "102", "97", "100", "100");
                v.advanceTo(b.openTime(), r);
                v.onMarketData(b, r);
                assertThat(r.fills())
                        .extracting(f -> f.order().value())
                        .as(path.name())
                        .containsExactly(path == BarPath.HIGH_FIRST ? 2L : 1L);
            }
        }
    }

    @Nested
    class Liquidity_ {
        @Test
        void shouldFillAMarketOrderAcrossBarsWithinTheCap_whenParticipationIsSet() {
            ExecutionVenuePort v = venue(frictionless().withParticipation(new BigDecimal("0.1")));
            send(v, Side.BUY, 25, OrderTerms.market());
            replay(
                    v,
                    bar(0, "100", "101", "99", "100", "100"),
                    bar(1, "101", "102", "100", "101", "100"),
                    bar(2, "102", "103", "101", "102", "100"));
            assertThat(reports.fills())
                    .extracting(r -> r.quantity().toString() + "@" + r.price())
                    .containsExactly("10@100", "10@101", "5@102"); // each at the bar's open
        }

        @Test
        void shouldNeverFillTheSameVolumeTwice_whenTwoOwnOrdersRestAtTheSamePrice() {
            ExecutionVenuePort v = venue(frictionless().withParticipation(new BigDecimal("0.1")));
            OrderId first = send(v, Side.BUY, 10, limit("99"));
            OrderId second = send(v, Side.BUY, 10, limit("99"));
            replay(v, bar(0, "100", "100", "98", "99", "100")); // 10 units for the desk
            assertThat(reports.fills()).extracting(Report::order).containsExactly(first);
            replay(v, bar(1, "100", "100", "98", "99", "100"));
            assertThat(reports.fills()).extracting(Report::order).containsExactly(first, second);
        }

        @Test
        void shouldCapByTheTradeSize_whenTradesAreTheData() {
            ExecutionVenuePort v = venue(frictionless().withParticipation(new BigDecimal("0.5")));
            send(v, Side.BUY, 10, OrderTerms.market());
            replay(v, trade(1, "100", 8), trade(2, "100.5", 20));
            assertThat(reports.fills())
                    .extracting(r -> r.quantity().toString() + "@" + r.price())
                    .containsExactly("4@100", "6@100.5");
        }

        @Test
        void shouldCapByTheQuotedSizeOfTheSideTaken_whenQuotesAreTheData() {
            ExecutionVenuePort v = venue(frictionless().withParticipation(BigDecimal.ONE));
            send(v, Side.BUY, 10, OrderTerms.market());
            send(v, Side.SELL, 10, OrderTerms.market());
            replay(v, quote(1, "99.9", "100.1", 3L, 7L));
            assertThat(reports.fills())
                    .extracting(r -> r.quantity().toString() + "@" + r.price())
                    .containsExactly("7@100.1", "3@99.9");
        }

        @Test
        void shouldFillAll_whenTheDataHasNoVolume() {
            ExecutionVenuePort v = venue(frictionless().withParticipation(new BigDecimal("0.01")));
            send(v, Side.BUY, 1000, OrderTerms.market());
            replay(v, bar(0, "100", "101", "99", "100", null));
            assertThat(onlyFill().quantity()).isEqualTo(Quantity.of(1000));
        }
    }

    @Nested
    class TimeInForce_ {
        @Test
        void shouldCancelTheRest_whenAnIocOrderMeetsLessVolumeThanItsSize() {
            ExecutionVenuePort v = venue(frictionless().withParticipation(new BigDecimal("0.1")));
            send(v, Side.BUY, 25, OrderTerms.market().with(TimeInForce.IOC));
            replay(v, bar(0, "100", "101", "99", "100", "100"), bar(1, "100", "101", "99", "100", "100"));
            assertThat(kinds()).containsExactly("accepted", "filled", "canceled");
            assertThat(onlyFill().quantity()).isEqualTo(Quantity.of(10));
        }

        @Test
        void shouldCancelAnIocLimit_whenTheOpenIsNotThroughItEvenIfTheBarLaterIs() {
            ExecutionVenuePort v = venue(frictionless());
            send(v, Side.BUY, 10, limit("99").with(TimeInForce.IOC));
            replay(v, bar(0, "100", "101", "98", "100"));
            assertThat(kinds()).containsExactly("accepted", "canceled");
        }

        @Test
        void shouldKillTheWholeOrder_whenAFokOrderCannotFillEntirely() {
            ExecutionVenuePort v = venue(frictionless().withParticipation(new BigDecimal("0.1")));
            send(v, Side.BUY, 11, OrderTerms.market().with(TimeInForce.FOK));
            send(v, Side.BUY, 10, OrderTerms.market().with(TimeInForce.FOK));
            replay(v, bar(0, "100", "101", "99", "100", "100"));
            assertThat(kinds()).containsExactly("accepted", "accepted", "canceled", "filled");
            assertThat(onlyFill().order()).isEqualTo(new OrderId(2));
        }

        @Test
        void shouldExpireDayOrdersAtTheInstrumentsSessionEnd_whenASessionIsConfigured() {
            TradingSession newYork = new TradingSession(ZoneId.of("America/New_York"), LocalTime.of(16, 0));
            ExecutionVenuePort v =
                    venue(frictionless().withSessions(TradingSession.utcDay(), Map.of(aapl.id(), newYork)));
            send(v, Side.BUY, 10, limit("50").with(TimeInForce.DAY)); // decided 2024-01-02T00:00Z = 19:00 the 1st
            v.advanceTo(Instant.parse("2024-01-02T20:59:59Z"), reports);
            assertThat(kinds()).containsExactly("accepted");
            v.advanceTo(Instant.parse("2024-01-02T21:00:00Z"), reports);
            assertThat(kinds()).containsExactly("accepted", "expired");
            assertThat(reports.of("expired").get(0).time()).isEqualTo(Instant.parse("2024-01-02T21:00:00Z"));
        }

        @Test
        void shouldExpireAtItsTime_whenTheOrderIsGtd() {
            ExecutionVenuePort v = venue(frictionless());
            Instant expiry = Bars.T0.plusSeconds(90);
            send(v, Side.BUY, 10, limit("50").goodTill(expiry));
            replay(v, bar(0, "100", "101", "99", "100"));
            assertThat(kinds()).containsExactly("accepted");
            replay(v, bar(1, "100", "101", "99", "100"));
            assertThat(kinds()).containsExactly("accepted", "expired");
            assertThat(reports.of("expired").get(0).time()).isEqualTo(expiry);
        }

        @Test
        void shouldReject_whenAGtdTimeHasPassedBeforeArrival() {
            ExecutionVenuePort v = venue(frictionless().withLatency(LatencyModel.fixed(Duration.ofSeconds(5))));
            send(v, Side.BUY, 10, limit("50").goodTill(Bars.T0.plusSeconds(3)));
            v.advanceTo(Bars.T0.plusSeconds(10), reports);
            assertThat(kinds()).containsExactly("rejected");
            assertThat(reports.of("rejected").get(0).reason()).contains("GTD expire time");
        }
    }

    @Nested
    class Rejections {
        @Test
        void shouldRejectAStopOffTheTickGrid_whenSubmitted() {
            ExecutionVenuePort v = venue(frictionless());
            send(v, Side.BUY, 10, OrderTerms.stop(Price.of("100.005")));
            v.advanceTo(Bars.T0, reports);
            assertThat(reports.of("rejected").get(0).reason())
                    .isEqualTo("trigger price 100.005 is off the tick grid 0.01");
        }

        @Test
        void shouldRejectAPostOnlyOrder_whenItWouldCrossTheLastKnownMarket() {
            ExecutionVenuePort v = venue(frictionless());
            replay(v, quote(0, "99.9", "100.1", null, null));
            OrderId crossing = send(v, Side.BUY, 10, limit("100.1").asPostOnly());
            OrderId resting = send(v, Side.BUY, 10, limit("100").asPostOnly());
            v.advanceTo(Bars.T0, reports);
            assertThat(reports.all())
                    .extracting(r -> r.order().value() + " " + r.kind())
                    .containsExactly(crossing.value() + " rejected", resting.value() + " accepted");
            assertThat(reports.of("rejected").get(0).reason()).contains("post-only BUY at 100.1 would cross");
        }

        @Test
        void shouldRejectAReduceOnlyOrder_whenItWouldIncreaseThePosition() {
            account.apply(Fills.fill(aapl, Side.BUY, "10", "100", "0"));
            ExecutionVenuePort v = venue(frictionless());
            send(v, Side.BUY, 5, OrderTerms.market().asReduceOnly());
            send(v, Side.SELL, 15, OrderTerms.market().asReduceOnly()); // would flip to short
            send(v, Side.SELL, 10, OrderTerms.market().asReduceOnly());
            v.advanceTo(Bars.T0, reports);
            assertThat(kinds()).containsExactly("rejected", "rejected", "accepted");
            assertThat(reports.of("rejected").get(0).reason())
                    .isEqualTo("reduce-only BUY 5 would not reduce the position 10 (it would become 15)");
        }

        @Test
        void shouldRejectAMarketOrder_whenTheQuotedBookHasNoAsk() {
            ExecutionVenuePort v = venue(frictionless());
            replay(v, quote(0, "99.9", null, 5L, null));
            send(v, Side.BUY, 10, OrderTerms.market());
            v.advanceTo(Bars.T0.plusSeconds(1), reports);
            assertThat(reports.of("rejected").get(0).reason()).isEqualTo("no market: the book has no ask");
        }
    }

    @Nested
    class Ticks {
        @Test
        void shouldFillOnlyOnTradesStrictlyAfterArrival_whenAMarketOrderArrivesWithATrade() {
            ExecutionVenuePort v = venue(frictionless().withLatency(LatencyModel.fixed(Duration.ofSeconds(1))));
            send(v, Side.BUY, 10, OrderTerms.market()); // arrives at T0 + 1s
            replay(v, trade(1, "100", 100), trade(2, "100.2", 100));
            assertThat(onlyFill().price()).isEqualTo(Price.of("100.2"));
            assertThat(onlyFill().time()).isEqualTo(Bars.T0.plusSeconds(2));
        }

        @Test
        void shouldFillARestingLimitAtItsPrice_onlyWhenATradeGoesThroughIt() {
            ExecutionVenuePort v = venue(frictionless());
            replay(v, trade(0, "100", 100));
            send(v, Side.BUY, 10, limit("99"));
            replay(v, trade(1, "99", 100)); // at the limit: the queue ahead of us may take it
            assertThat(reports.fills()).isEmpty();
            replay(v, trade(2, "98.9", 100));
            assertThat(onlyFill().price()).isEqualTo(Price.of("99"));
            assertThat(onlyFill().liquidity()).isEqualTo(Liquidity.MAKER);
        }

        @Test
        void shouldFillAStopAtTheTriggeringTradesPrice_whenATradeReachesIt() {
            ExecutionVenuePort v = venue(frictionless());
            send(v, Side.SELL, 10, OrderTerms.stop(Price.of("99")));
            replay(v, trade(1, "99.5", 10), trade(2, "98.7", 10));
            assertThat(kinds()).containsExactly("accepted", "triggered", "filled");
            assertThat(onlyFill().price()).isEqualTo(Price.of("98.7"));
        }

        @Test
        void shouldCrossTheSpread_whenAMarketOrderMeetsAQuote() {
            ExecutionVenuePort v = venue(frictionless());
            send(v, Side.BUY, 10, OrderTerms.market());
            send(v, Side.SELL, 10, OrderTerms.market());
            replay(v, quote(1, "99.9", "100.2", null, null));
            assertThat(reports.fills())
                    .extracting(r -> r.price() + " slip " + r.slippage())
                    .containsExactly("100.2 slip 0.15", "99.9 slip 0.15"); // half the spread from the mid 100.05
        }

        @Test
        void shouldFillARestingLimitAtItsPrice_whenTheFarSideOfTheQuoteReachesIt() {
            ExecutionVenuePort v = venue(frictionless());
            replay(v, quote(0, "99.9", "100.1", null, null));
            send(v, Side.BUY, 10, limit("100"));
            replay(v, quote(1, "99.9", "100.05", null, null));
            assertThat(reports.fills()).isEmpty();
            replay(v, quote(2, "99.8", "99.95", null, null));
            assertThat(onlyFill().price()).isEqualTo(Price.of("100"));
            assertThat(onlyFill().liquidity()).isEqualTo(Liquidity.MAKER);
        }

        @Test
        void shouldTrimAReduceOnlyOrderToThePosition_whenThePositionShrankBeforeExecution() {
            account.apply(Fills.fill(aapl, Side.BUY, "10", "100", "0"));
            ExecutionVenuePort v = venue(frictionless());
            send(v, Side.SELL, 10, OrderTerms.market().asReduceOnly());
            v.advanceTo(Bars.T0, reports);
            account.apply(Fills.fill(aapl, Side.SELL, "4", "100", "0")); // another order closed part of it
            replay(v, trade(1, "100", 100));
            assertThat(onlyFill().quantity()).isEqualTo(Quantity.of(6));
        }
    }

    @Nested
    class Latency {
        @Test
        void shouldRejectTheCancelAsTooLate_whenCancelLatencyLetsTheOrderFillFirst() {
            LatencyModel slowCancels = new LatencyModel(
                    Duration.ZERO, Duration.ofSeconds(90), Duration.ZERO, new LatencyModel.Jitter.None(), 0);
            ExecutionVenuePort v = venue(frictionless().withLatency(slowCancels));
            OrderId id = send(v, Side.BUY, 10, limit("99"));
            Instant cancelArrives = v.cancel(id, Bars.T0);
            assertThat(cancelArrives).isEqualTo(Bars.T0.plusSeconds(90));
            replay(v, bar(0, "100", "100", "98", "99"), bar(2, "100", "100", "99.5", "100"));
            assertThat(kinds()).containsExactly("accepted", "filled", "cancelRejected");
            assertThat(reports.of("cancelRejected").get(0).reason()).startsWith("too late");
        }

        @Test
        void shouldDrawTheSameArrivals_whenTheSeedIsTheSame() {
            LatencyModel jittery = new LatencyModel(
                    Duration.ofMillis(5),
                    Duration.ofMillis(5),
                    Duration.ofMillis(5),
                    new LatencyModel.Jitter.Exponential(Duration.ofMillis(3)),
                    42);
            List<Instant> first = arrivals(jittery);
            assertThat(arrivals(jittery)).isEqualTo(first);
            assertThat(arrivals(new LatencyModel(
                            Duration.ofMillis(5),
                            Duration.ofMillis(5),
                            Duration.ofMillis(5),
                            new LatencyModel.Jitter.Exponential(Duration.ofMillis(3)),
                            43)))
                    .isNotEqualTo(first);
            assertThat(first).allSatisfy(t -> assertThat(t).isAfterOrEqualTo(Bars.T0.plusMillis(5)));
            assertThat(first.stream().distinct()).hasSizeGreaterThan(90);
        }

        private List<Instant> arrivals(LatencyModel model) {
            ExecutionVenuePort v = venue(frictionless().withLatency(model));
            return java.util.stream.LongStream.rangeClosed(1, 100)
                    .mapToObj(i -> v.submit(
                            new OrderId(i),
                            new OrderRequest("t", aapl.id(), Side.BUY, Quantity.of(1), OrderTerms.market()),
                            Bars.T0))
                    .toList();
        }

        @Test
        void shouldNeverLetACancelOvertakeItsOrder_whenJitterWouldDrawItEarlier() {
            LatencyModel jittery = new LatencyModel(
                    Duration.ZERO,
                    Duration.ZERO,
                    Duration.ZERO,
                    new LatencyModel.Jitter.Uniform(Duration.ofSeconds(10)),
                    7);
            ExecutionVenuePort v = venue(frictionless().withLatency(jittery));
            for (long i = 1; i <= 200; i++) {
                OrderId id = new OrderId(i);
                Instant order =
                        v.submit(id, new OrderRequest("t", aapl.id(), Side.BUY, Quantity.of(1), limit("1")), Bars.T0);
                assertThat(v.cancel(id, Bars.T0)).isAfterOrEqualTo(order);
            }
            v.advanceTo(Bars.T0.plusSeconds(30), reports);
            assertThat(reports.of("cancelRejected")).isEmpty();
            assertThat(reports.of("canceled")).hasSize(200);
        }
    }

    @Nested
    class SlippageAndFees {
        @Test
        void shouldApplyASquareRootImpact_whenTheModelIsSquareRoot() {
            // 100 × 0.1 × sqrt(100 / 10,000) = 1 over the open
            ExecutionVenuePort v =
                    venue(frictionless().withSlippage(new SlippageModel.SquareRoot(new BigDecimal("0.1"))));
            send(v, Side.BUY, 100, OrderTerms.market());
            replay(v, bar(0, "100", "101", "99", "100", "10000"));
            assertThat(onlyFill().price()).isEqualTo(Price.of("101"));
            assertThat(onlyFill().slippage()).isEqualTo(Price.of("1"));
        }

        @Test
        void shouldAddHalfTheDefaultSpread_whenTheModelIsSpreadAndNoQuoteIsKnown() {
            // half of 10 bps of 100 = 0.05
            ExecutionVenuePort v = venue(frictionless().withSlippage(new SlippageModel.Spread(new BigDecimal("10"))));
            send(v, Side.SELL, 10, OrderTerms.market());
            replay(v, bar(0, "100", "101", "99", "100"));
            assertThat(onlyFill().price()).isEqualTo(Price.of("99.95"));
        }

        @Test
        void shouldNeverSlipALimitPastItsPrice_whenSlippageIsLarge() {
            ExecutionVenuePort v =
                    venue(frictionless().withSlippage(new SlippageModel.FixedBps(new BigDecimal("500"))));
            send(v, Side.BUY, 10, limit("99"));
            replay(v, bar(0, "100", "100", "98", "99"));
            assertThat(onlyFill().price()).isEqualTo(Price.of("99"));
        }

        @Test
        void shouldChargeMakerAndTakerRates_whenTheScheduleIsMakerTaker() {
            CommissionModel makerTaker =
                    new CommissionModel.MakerTaker(new BigDecimal("1"), new BigDecimal("5"), BigDecimal.ZERO);
            ExecutionVenuePort v = venue(frictionless().withFees(FeeSchedule.of(makerTaker)));
            replay(v, bar(0, "100", "100", "100", "100"));
            send(v, Side.BUY, 100, limit("99")); // rests: maker
            send(v, Side.BUY, 100, OrderTerms.market()); // taker
            replay(v, bar(1, "100", "100", "98", "99"));
            assertThat(reports.fills())
                    .extracting(r -> r.liquidity() + " "
                            + r.fee().toBigDecimal().stripTrailingZeros().toPlainString())
                    .containsExactlyInAnyOrder("MAKER 0.99", "TAKER 5"); // 1 bp of 9,900; 5 bps of 10,000
        }

        @Test
        void shouldUseTheInstrumentsOwnModel_whenTheScheduleHasOne() {
            CommissionModel perContract = new CommissionModel.PerUnit(new BigDecimal("2.25"), BigDecimal.ZERO);
            FeeSchedule schedule = new FeeSchedule(CommissionModel.none(), Map.of(aapl.id(), perContract));
            ExecutionVenuePort v = venue(frictionless().withFees(schedule));
            send(v, Side.BUY, 4, OrderTerms.market());
            replay(v, bar(0, "100", "100", "100", "100"));
            assertThat(onlyFill().fee()).isEqualTo(Money.of("USD", "9"));
        }
    }
}
