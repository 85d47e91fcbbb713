package io.eventdesk.bootstrap.properties;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventdesk.adapters.broker.paper.LatencyModel;
import io.eventdesk.adapters.broker.paper.PaperVenueConfig;
import io.eventdesk.adapters.broker.paper.PaperVenues;
import io.eventdesk.adapters.marketdata.MarketDataFeeds;
import io.eventdesk.adapters.persistence.RunArtifacts;
import io.eventdesk.application.engine.RunBacktestService;
import io.eventdesk.application.usecase.BacktestRequest;
import io.eventdesk.domain.event.Event;
import io.eventdesk.domain.event.OrderEvent;
import io.eventdesk.domain.event.OrderFilled;
import io.eventdesk.domain.event.OrderInitialized;
import io.eventdesk.domain.instrument.AssetClass;
import io.eventdesk.domain.instrument.Instrument;
import io.eventdesk.domain.instrument.InstrumentId;
import io.eventdesk.domain.market.Bar;
import io.eventdesk.domain.market.MarketData;
import io.eventdesk.domain.market.Trade;
import io.eventdesk.domain.order.OrderId;
import io.eventdesk.domain.order.OrderStatus;
import io.eventdesk.domain.order.OrderTerms;
import io.eventdesk.domain.order.OrderType;
import io.eventdesk.domain.order.OrderView;
import io.eventdesk.domain.order.TimeInForce;
import io.eventdesk.domain.order.lifecycle.OpenOrders;
import io.eventdesk.domain.order.lifecycle.Order;
import io.eventdesk.domain.port.EventJournalPort;
import io.eventdesk.domain.port.JournalReceipt;
import io.eventdesk.domain.portfolio.AccountSettings;
import io.eventdesk.domain.portfolio.AccountType;
import io.eventdesk.domain.portfolio.LotMethod;
import io.eventdesk.domain.risk.RiskLimits;
import io.eventdesk.domain.run.RunSummary;
import io.eventdesk.domain.signal.Signal;
import io.eventdesk.domain.strategy.Strategy;
import io.eventdesk.domain.strategy.StrategyContext;
import io.eventdesk.domain.value.Currency;
import io.eventdesk.domain.value.Money;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import io.eventdesk.domain.value.Side;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Every interleaving of submits, replaces and cancels with fills, expiries and their latencies ends as the state
 * table allows: random command sequences (every order type and time in force, latency with jitter, participation
 * caps, bars and trades) run through the real engine and paper venue to the end; every order ends closed, or open in
 * a status the table allows; no order fills beyond its quantity; the portfolio's invariants (checked by the
 * portfolio on every change) hold.
 */
class OrderInterleavingProperties {
    private static final Instrument BTC = new Instrument(
            InstrumentId.of("BTC"),
            AssetClass.CRYPTO,
            Currency.of("USD"),
            Price.of("0.5"),
            Quantity.of("0.1"),
            Quantity.of(1));
    private static final Instant T0 = Instant.parse("2024-01-02T00:00:00Z");

    /** One command of the script, run by the strategy at a market event. */
    record Command(int kind, int at, int orderType, int tif, boolean buy, int lots, int ticks, int newLots) {}

    record Scenario(
            long seed,
            boolean trades,
            BigDecimal participation,
            long submitMs,
            long cancelMs,
            long replaceMs,
            long jitterMs,
            List<Command> commands) {}

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<Command> command = Combinators.combine(
                        Arbitraries.integers().between(0, 2),
                        Arbitraries.integers().between(0, 59),
                        Arbitraries.integers().between(0, 3),
                        Arbitraries.integers().between(0, 4),
                        Arbitraries.of(true, false),
                        Arbitraries.integers().between(1, 40),
                        Arbitraries.integers().between(-30, 30),
                        Arbitraries.integers().between(1, 60))
                .as(Command::new);
        return Combinators.combine(
                        Arbitraries.longs(),
                        Arbitraries.of(false, true),
                        Arbitraries.of(null, new BigDecimal("0.05"), new BigDecimal("0.2"), new BigDecimal("0.5")),
                        Arbitraries.longs().between(0, 150_000),
                        Arbitraries.longs().between(0, 150_000),
                        Arbitraries.longs().between(0, 150_000),
                        Arbitraries.longs().between(0, 90_000),
                        command.list().ofMinSize(1).ofMaxSize(40))
                .as(Scenario::new);
    }

    @Property(tries = 500)
    void shouldRunToTheEndWithEveryOrderInAStatusTheTableAllows_whenCommandsInterleaveWithFills(
            @ForAll("scenarios") Scenario scenario) {
        RecordingJournal journal = new RecordingJournal();
        RunSummary summary = new RunBacktestService().run(request(scenario, journal));

        assertThat(summary.marketEvents()).isEqualTo(60);
        OpenOrders orders = new OpenOrders();
        Map<OrderId, Order> all = new HashMap<>();
        for (Event e : journal.events) {
            if (e instanceof OrderEvent o) {
                Order order = orders.apply(o); // the same reader as the engine: it refuses any illegal transition
                if (e instanceof OrderInitialized) {
                    all.put(order.id(), order);
                }
            }
        }
        Map<OrderId, BigDecimal> filled = new HashMap<>();
        for (Event e : journal.events) {
            if (e instanceof OrderFilled f) {
                filled.merge(f.orderId(), f.quantity().toBigDecimal(), BigDecimal::add);
            }
        }
        for (Order o : all.values()) {
            assertThat(o.status()).as("%s", o).isNotEqualTo(OrderStatus.INITIALIZED);
            assertThat(o.filledQuantity()).as("%s", o).isLessThanOrEqualTo(o.quantity());
            BigDecimal sum = filled.getOrDefault(o.id(), BigDecimal.ZERO);
            assertThat(sum)
                    .as("fills of %s", o)
                    .isEqualByComparingTo(o.filledQuantity().toBigDecimal());
            if (o.status() == OrderStatus.FILLED) {
                assertThat(o.filledQuantity()).isEqualTo(o.quantity());
            }
        }
        assertThat(summary.fills())
                .isEqualTo(journal.events.stream()
                        .filter(e -> e instanceof OrderFilled)
                        .count());
    }

    @Example
    void shouldApplyTheReplaceToWhatIsLeft_whenAParticipationCapFillsTheOrderWhileTheReplaceTravels() {
        // a limit buy far through the market fills 20% of each bar's volume; the replace takes two bars to arrive
        Scenario s = new Scenario(
                7,
                false,
                new BigDecimal("0.2"),
                0,
                0,
                150_000,
                0,
                List.of(new Command(0, 0, 1, 0, true, 4000, -40, 0), new Command(1, 1, 0, 0, true, 0, -40, 6000)));
        RecordingJournal journal = new RecordingJournal();
        new RunBacktestService().run(request(s, journal));
        List<String> life = journal.events.stream()
                .filter(e -> e instanceof OrderEvent o && o.orderId().equals(new OrderId(1)))
                .map(e -> e.getClass().getSimpleName())
                .distinct()
                .toList();
        assertThat(life).contains("OrderPendingReplace", "OrderFilled", "OrderReplaced");
        int pending = life.indexOf("OrderPendingReplace");
        assertThat(journal.events.stream()
                        .dropWhile(e -> !(e instanceof io.eventdesk.domain.event.OrderPendingReplace))
                        .takeWhile(e -> !(e instanceof io.eventdesk.domain.event.OrderReplaced))
                        .anyMatch(e -> e instanceof OrderFilled))
                .as("a fill arrived while the replace travelled")
                .isTrue();
        assertThat(pending).isPositive();
    }

    private static BacktestRequest request(Scenario s, RecordingJournal journal) {
        List<MarketData> data = data(s);
        LatencyModel latency = new LatencyModel(
                Duration.ofMillis(s.submitMs()),
                Duration.ofMillis(s.cancelMs()),
                Duration.ofMillis(s.replaceMs()),
                s.jitterMs() == 0
                        ? new LatencyModel.Jitter.None()
                        : new LatencyModel.Jitter.Uniform(Duration.ofMillis(s.jitterMs())),
                s.seed());
        PaperVenueConfig venue =
                PaperVenueConfig.frictionless().withLatency(latency).withParticipation(s.participation());
        AccountSettings account = new AccountSettings(
                AccountType.MARGIN,
                Currency.of("USD"),
                Map.of(Currency.of("USD"), Money.of("USD", "10000000")),
                true,
                LotMethod.FIFO,
                null,
                Map.of(),
                false);
        return new BacktestRequest(
                "interleavings",
                s.seed(),
                Money.of("USD", "10000000"),
                List.of(BTC),
                MarketDataFeeds.inMemory(data, "generated"),
                PaperVenues.create(venue, List.of(BTC)),
                journal,
                RunArtifacts.disabled(),
                Map.of("script", new ScriptedStrategy(s.commands())),
                RiskLimits.builder().build(),
                List.of(),
                Map.of(),
                null,
                account,
                null);
    }

    /** 60 one-minute bars (or trades) of a seeded random walk around 100, with volume. */
    private static List<MarketData> data(Scenario s) {
        SplittableRandom random = new SplittableRandom(s.seed());
        List<MarketData> data = new ArrayList<>();
        long price = 200; // in ticks of 0.5
        for (int i = 0; i < 60; i++) {
            Instant open = T0.plusSeconds(60L * i);
            long next = Math.max(20, price + random.nextInt(-6, 7));
            long high = Math.max(price, next) + random.nextInt(0, 4);
            long low = Math.max(1, Math.min(price, next) - random.nextInt(0, 4));
            Quantity volume = Quantity.of(BigDecimal.valueOf(random.nextInt(1, 400), 1));
            if (s.trades()) {
                data.add(new Trade(BTC.id(), open.plusSeconds(30), tick(next), volume, null));
            } else {
                data.add(new Bar(
                        BTC.id(), open, open.plusSeconds(60), tick(price), tick(high), tick(low), tick(next), volume));
            }
            price = next;
        }
        return data;
    }

    private static Price tick(long ticks) {
        return Price.of(BigDecimal.valueOf(ticks * 5, 1));
    }

    /** Runs the script: at market event {@code at}, submit (0), replace the newest open order (1), cancel the oldest (2). */
    private static final class ScriptedStrategy implements Strategy {
        private final List<Command> commands;
        private int event;
        private Price last;

        ScriptedStrategy(List<Command> commands) {
            this.commands = commands;
        }

        @Override
        public List<Signal> onMarketData(MarketData data, StrategyContext context) {
            last = data instanceof Bar b ? b.close() : ((Trade) data).price();
            List<Signal> signals = new ArrayList<>();
            Quantity committed = context.committedPosition(BTC.id());
            for (Command c : commands) {
                if (c.at() != event) {
                    continue;
                }
                List<OrderView> open = context.openOrders();
                switch (c.kind()) {
                    case 0 -> {
                        Quantity size = lots(c.lots());
                        committed = committed.plus(c.buy() ? size : size.negate());
                        signals.add(new Signal(
                                "script", BTC.id(), committed, terms(c, context.now()), "scripted", Map.of()));
                    }
                    case 1 -> {
                        if (!open.isEmpty()) {
                            OrderView o = open.get(open.size() - 1);
                            Price limit = o.limitPrice() == null ? null : away(c.ticks(), o.side());
                            Price trigger = o.triggerPrice() == null ? null : away(-c.ticks(), o.side());
                            context.replace(o.id(), lots(c.newLots()), limit, trigger, "scripted replace");
                        }
                    }
                    default -> {
                        if (!open.isEmpty()) {
                            context.cancel(open.get(0).id(), "scripted cancel");
                        }
                    }
                }
            }
            event++;
            return signals;
        }

        private OrderTerms terms(Command c, Instant now) {
            Side side = c.buy() ? Side.BUY : Side.SELL;
            OrderTerms terms = switch (OrderType.values()[c.orderType()]) {
                case MARKET -> OrderTerms.market();
                case LIMIT -> OrderTerms.limit(away(c.ticks(), side));
                case STOP -> OrderTerms.stop(away(-Math.abs(c.ticks()) - 1, side));
                case STOP_LIMIT ->
                    OrderTerms.stopLimit(away(-Math.abs(c.ticks()) - 1, side), away(-Math.abs(c.ticks()) - 3, side));
            };
            return switch (c.tif()) {
                case 0 -> terms;
                case 1 -> terms.with(TimeInForce.DAY);
                case 2 ->
                    terms.type() == OrderType.MARKET || terms.type() == OrderType.LIMIT
                            ? terms.with(TimeInForce.IOC)
                            : terms;
                case 3 ->
                    terms.type() == OrderType.MARKET || terms.type() == OrderType.LIMIT
                            ? terms.with(TimeInForce.FOK)
                            : terms;
                default -> terms.goodTill(now.plusSeconds(60L * (1 + Math.abs(c.ticks()) % 10)));
            };
        }

        /** {@code ticks} below the last price for a buy (above for a sell); negative: through the market. */
        private Price away(int ticks, Side side) {
            long units = last.toBigDecimal().multiply(BigDecimal.valueOf(2)).longValue(); // in ticks of 0.5
            long t = Math.max(2, side == Side.BUY ? units - ticks : units + ticks);
            return tick(t);
        }

        private static Quantity lots(int n) {
            return Quantity.of(BigDecimal.valueOf(n, 1));
        }
    }

    /** The journal in memory: what the run appended, in order. */
    private static final class RecordingJournal implements EventJournalPort {
        final List<Event> events = new ArrayList<>();

        @Override
        public void append(Event event) {
            events.add(event);
        }

        @Override
        public void flush() {}

        @Override
        public JournalReceipt finish() {
            return new JournalReceipt(events.size(), "in-memory");
        }

        @Override
        public void close() {}
    }
}
