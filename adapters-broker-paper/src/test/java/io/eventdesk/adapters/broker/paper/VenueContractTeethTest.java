package io.eventdesk.adapters.broker.paper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.eventdesk.domain.instrument.Instrument;
import io.eventdesk.domain.market.Bar;
import io.eventdesk.domain.market.MarketData;
import io.eventdesk.domain.order.Liquidity;
import io.eventdesk.domain.order.OrderId;
import io.eventdesk.domain.order.OrderRequest;
import io.eventdesk.domain.port.ExecutionReportListener;
import io.eventdesk.domain.port.ExecutionVenuePort;
import io.eventdesk.domain.value.Money;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import io.eventdesk.domain.value.Side;
import io.eventdesk.testkit.ExecutionVenueContract;
import io.eventdesk.testkit.ForwardingReports;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/**
 * The venue contract has teeth: venues that are wrong in the ways a venue author gets wrong fail it, each on the
 * rule it breaks. Each mutant is the paper venue with one fault, run through the whole contract.
 */
class VenueContractTeethTest {

    private static Set<String> failuresOf(Class<?> contractTest) {
        Events tests = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(contractTest))
                .execute()
                .testEvents();
        Set<String> failed = new TreeSet<>();
        tests.failed().stream()
                .map(Event::getTestDescriptor)
                .forEach(d -> failed.add(d.getDisplayName().replace("()", "")));
        return failed;
    }

    @Test
    void shouldFailTheMarketOrderRules_whenAVenueFillsSellsAtTheBarsHigh() {
        assertThat(failuresOf(SellsAtTheHigh.class))
                .contains("shouldFillAMarketSellAtTheNextBarsOpen_whenDecidedAtABarsClose")
                .contains("shouldUseOnlyPricesOfBarsAfterArrival_whenManyRandomOrdersMeetRandomBars");
    }

    @Test
    void shouldFailTheFeeRule_whenAVenueChargesNothing() {
        assertThat(failuresOf(ChargesNoFees.class))
                .containsExactly("shouldChargeTheStatedFeeOnEveryFill_whenFeesAreConfigured");
    }

    @Test
    void shouldFailTheSlippageRule_whenAVenueIgnoresSlippage() {
        assertThat(failuresOf(IgnoresSlippage.class))
                .containsExactly("shouldFillMarketOrdersWorseByTheStatedSlippage_whenSlippageIsConfigured");
    }

    @Test
    void shouldPassEveryRule_whenTheVenueRefusesToSellWhatTheAccountDoesNotHold() {
        assertThat(failuresOf(RefusesShortSales.class)).isEmpty();
    }

    /** A paper venue whose market sells fill at the high of their bar, a price not known at the open. */
    static class SellsAtTheHigh extends ExecutionVenueContract {
        @Override
        protected ExecutionVenuePort frictionlessVenue(List<Instrument> instruments, Duration latency) {
            return new Faulty(
                    PaperVenues.create(
                            new PaperVenueConfig(latency, BigDecimal.ZERO, CommissionModel.none()), instruments),
                    Fault.SELL_AT_HIGH);
        }

        @Override
        protected ExecutionVenuePort venueWithCosts(List<Instrument> instruments, Costs costs) {
            return new PaperVenueContractTest().venueWithCosts(instruments, costs);
        }
    }

    /** A paper venue asked for fees that charges none. */
    static class ChargesNoFees extends ExecutionVenueContract {
        @Override
        protected ExecutionVenuePort frictionlessVenue(List<Instrument> instruments, Duration latency) {
            return new PaperVenueContractTest().frictionlessVenue(instruments, latency);
        }

        @Override
        protected ExecutionVenuePort venueWithCosts(List<Instrument> instruments, Costs costs) {
            return PaperVenues.create(
                    new PaperVenueConfig(Duration.ZERO, costs.slippageBps(), CommissionModel.none()), instruments);
        }
    }

    /** A paper venue asked for slippage that fills at the open. */
    static class IgnoresSlippage extends ExecutionVenueContract {
        @Override
        protected ExecutionVenuePort frictionlessVenue(List<Instrument> instruments, Duration latency) {
            return new PaperVenueContractTest().frictionlessVenue(instruments, latency);
        }

        @Override
        protected ExecutionVenuePort venueWithCosts(List<Instrument> instruments, Costs costs) {
            return PaperVenues.create(
                    new PaperVenueConfig(
                            Duration.ZERO, BigDecimal.ZERO, new CommissionModel.Bps(costs.feeBps(), BigDecimal.ZERO)),
                    instruments);
        }
    }

    /** A correct venue that also checks short sales itself, against the account it is handed. */
    static class RefusesShortSales extends ExecutionVenueContract {
        @Override
        protected ExecutionVenuePort frictionlessVenue(List<Instrument> instruments, Duration latency) {
            return new Faulty(new PaperVenueContractTest().frictionlessVenue(instruments, latency), Fault.NO_SHORTS);
        }

        @Override
        protected ExecutionVenuePort venueWithCosts(List<Instrument> instruments, Costs costs) {
            return new Faulty(new PaperVenueContractTest().venueWithCosts(instruments, costs), Fault.NO_SHORTS);
        }
    }

    private enum Fault {
        SELL_AT_HIGH,
        NO_SHORTS
    }

    /** A venue around the paper venue, changing one thing. */
    private static final class Faulty implements ExecutionVenuePort {
        private final ExecutionVenuePort inner;
        private final Fault fault;
        private final Map<OrderId, OrderRequest> requests = new HashMap<>();
        private Bar current;

        Faulty(ExecutionVenuePort inner, Fault fault) {
            this.inner = inner;
            this.fault = fault;
        }

        @Override
        public Instant submit(OrderId order, OrderRequest request, Instant decisionTime) {
            requests.put(order, request);
            return inner.submit(order, request, decisionTime);
        }

        @Override
        public Instant cancel(OrderId order, Instant decisionTime) {
            return inner.cancel(order, decisionTime);
        }

        @Override
        public Instant replace(OrderId order, Quantity q, Price limit, Price trigger, Instant decisionTime) {
            return inner.replace(order, q, limit, trigger, decisionTime);
        }

        @Override
        public void advanceTo(Instant time, ExecutionReportListener listener) {
            inner.advanceTo(time, new Reports(listener));
        }

        @Override
        public void onMarketData(MarketData data, ExecutionReportListener listener) {
            current = data instanceof Bar b ? b : null;
            inner.onMarketData(data, new Reports(listener));
        }

        @Override
        public Money estimateFee(Instrument instrument, Quantity quantity, Price price) {
            return inner.estimateFee(instrument, quantity, price);
        }

        private final class Reports extends ForwardingReports {
            Reports(ExecutionReportListener out) {
                super(out);
            }

            @Override
            public void accepted(OrderId order, Instant time) {
                OrderRequest r = requests.get(order);
                if (fault == Fault.NO_SHORTS
                        && r.side() == Side.SELL
                        && out.account().position(r.instrument()).compareTo(r.quantity()) < 0) {
                    out.rejected(order, time, "the account holds less than it sells");
                    return;
                }
                out.accepted(order, time);
            }

            @Override
            public void filled(
                    OrderId order,
                    Instant time,
                    String fillId,
                    Quantity quantity,
                    Price price,
                    Price slippage,
                    Money fee,
                    Liquidity liquidity) {
                OrderRequest r = requests.get(order);
                Price p = fault == Fault.SELL_AT_HIGH && r.side() == Side.SELL && current != null
                        ? current.high()
                        : price;
                out.filled(order, time, fillId, quantity, p, slippage, fee, liquidity);
            }
        }
    }
}
