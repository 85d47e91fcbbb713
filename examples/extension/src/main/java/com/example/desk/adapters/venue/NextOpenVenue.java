package com.example.desk.adapters.venue;

import io.eventdesk.domain.instrument.Instrument;
import io.eventdesk.domain.instrument.InstrumentId;
import io.eventdesk.domain.market.Bar;
import io.eventdesk.domain.market.MarketData;
import io.eventdesk.domain.market.Trade;
import io.eventdesk.domain.order.Liquidity;
import io.eventdesk.domain.order.OrderId;
import io.eventdesk.domain.order.OrderRequest;
import io.eventdesk.domain.order.OrderType;
import io.eventdesk.domain.order.TimeInForce;
import io.eventdesk.domain.port.ExecutionReportListener;
import io.eventdesk.domain.port.ExecutionVenuePort;
import io.eventdesk.domain.portfolio.AccountType;
import io.eventdesk.domain.strategy.StrategyParameters;
import io.eventdesk.domain.value.Money;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import io.eventdesk.domain.value.Side;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A venue of this project's own: every order fills whole, on the first market data after it arrives. Market and
 * stop orders fill at the bar's open (or the trade's price, or the stop's trigger when the bar reaches it), worse by
 * {@code slippage-bps}; limit orders at the open when it is through the limit, else at the limit when the bar
 * reaches it. Every fill pays {@code fee-bps} of its notional. Stop-limit orders and good-till-date expiry are not
 * offered: they are rejected. Settings ({@code venue.params}): {@code latency-ms}, {@code slippage-bps},
 * {@code fee-bps}.
 */
public final class NextOpenVenue implements ExecutionVenuePort {
    private static final BigDecimal BPS = new BigDecimal("10000");

    private final Map<InstrumentId, Instrument> instruments = new LinkedHashMap<>();
    private final Duration latency;
    private final BigDecimal slippageBps;
    private final BigDecimal feeBps;
    /** requests travelling to the venue, in the order they arrive (one latency for all: the order they were sent) */
    private final List<Request> travelling = new ArrayList<>();
    /** orders at the venue, oldest first */
    private final Map<OrderId, Working> working = new LinkedHashMap<>();
    private long fills;

    public NextOpenVenue(List<Instrument> instruments, StrategyParameters params) {
        params.allowOnly("latency-ms", "slippage-bps", "fee-bps");
        this.latency = Duration.ofMillis(
                params.asMap().containsKey("latency-ms") ? params.nonNegativeDecimal("latency-ms").longValueExact() : 0);
        this.slippageBps =
                params.asMap().containsKey("slippage-bps") ? params.nonNegativeDecimal("slippage-bps") : BigDecimal.ZERO;
        this.feeBps = params.asMap().containsKey("fee-bps") ? params.nonNegativeDecimal("fee-bps") : BigDecimal.ZERO;
        instruments.forEach(i -> this.instruments.put(i.id(), i));
    }

    /** For tests and embedding: the settings given directly. */
    public NextOpenVenue(List<Instrument> instruments, Duration latency, BigDecimal slippageBps, BigDecimal feeBps) {
        this.latency = latency;
        this.slippageBps = slippageBps;
        this.feeBps = feeBps;
        instruments.forEach(i -> this.instruments.put(i.id(), i));
    }

    private enum Kind {
        SUBMIT,
        CANCEL,
        REPLACE
    }

    private record Request(
            Kind kind, OrderId order, OrderRequest request, Quantity quantity, Price limit, Price trigger, Instant arrival) {}

    private static final class Working {
        OrderRequest request;
        Instant arrived;
        boolean triggered;

        Working(OrderRequest request, Instant arrived) {
            this.request = request;
            this.arrived = arrived;
        }
    }

    @Override
    public Instant submit(OrderId order, OrderRequest request, Instant decisionTime) {
        Instant arrival = decisionTime.plus(latency);
        travelling.add(new Request(Kind.SUBMIT, order, request, null, null, null, arrival));
        return arrival;
    }

    @Override
    public Instant cancel(OrderId order, Instant decisionTime) {
        Instant arrival = decisionTime.plus(latency);
        travelling.add(new Request(Kind.CANCEL, order, null, null, null, null, arrival));
        return arrival;
    }

    @Override
    public Instant replace(OrderId order, Quantity quantity, Price limit, Price trigger, Instant decisionTime) {
        Instant arrival = decisionTime.plus(latency);
        travelling.add(new Request(Kind.REPLACE, order, null, quantity, limit, trigger, arrival));
        return arrival;
    }

    @Override
    public void advanceTo(Instant time, ExecutionReportListener listener) {
        for (Iterator<Request> it = travelling.iterator(); it.hasNext(); ) {
            Request r = it.next();
            if (r.arrival().isAfter(time)) {
                return;
            }
            it.remove();
            switch (r.kind()) {
                case SUBMIT -> arrive(r, listener);
                case CANCEL -> {
                    if (working.remove(r.order()) != null) {
                        listener.canceled(r.order(), r.arrival(), "canceled at the trader's request");
                    } else {
                        listener.cancelRejected(r.order(), r.arrival(), "too late: the order is no longer working");
                    }
                }
                case REPLACE -> {
                    Working w = working.get(r.order());
                    if (w == null) {
                        listener.replaceRejected(r.order(), r.arrival(), "too late: the order is no longer working");
                    } else {
                        w.request = w.request.withQuantityAndPrices(r.quantity(), r.limit(), r.trigger());
                        w.arrived = r.arrival(); // the new terms meet only data after they arrived
                        listener.replaced(r.order(), r.arrival(), r.quantity(), r.limit(), r.trigger());
                    }
                }
            }
        }
    }

    private void arrive(Request r, ExecutionReportListener listener) {
        OrderRequest o = r.request();
        Instrument ins = instruments.get(o.instrument());
        String refusal = null;
        if (ins == null) {
            refusal = "this venue does not trade " + o.instrument();
        } else if (o.type() == OrderType.STOP_LIMIT || o.timeInForce() == TimeInForce.GTD) {
            refusal = "this venue offers no " + (o.type() == OrderType.STOP_LIMIT ? "stop-limit orders" : "GTD");
        } else if ((o.limitPrice() != null && !ins.isOnTickGrid(o.limitPrice()))
                || (o.triggerPrice() != null && !ins.isOnTickGrid(o.triggerPrice()))) {
            refusal = "price off the tick grid of " + ins.tickSize();
        } else if (o.reduceOnly() && !reduces(o, listener)) {
            refusal = "reduce-only, and there is no position to reduce";
        }
        if (refusal != null) {
            listener.rejected(r.order(), r.arrival(), refusal);
            return;
        }
        listener.accepted(r.order(), r.arrival());
        working.put(r.order(), new Working(o, r.arrival()));
    }

    private static boolean reduces(OrderRequest o, ExecutionReportListener listener) {
        Quantity position = listener.account().position(o.instrument());
        return o.side() == Side.SELL ? position.isPositive() : position.isNegative();
    }

    @Override
    public void onMarketData(MarketData data, ExecutionReportListener listener) {
        Price open;
        Price high;
        Price low;
        Instant start;
        Instant inside;
        if (data instanceof Bar b) {
            open = b.open();
            high = b.high();
            low = b.low();
            start = b.openTime();
            inside = b.openTime().plus(Duration.between(b.openTime(), b.closeTime()).dividedBy(2));
        } else if (data instanceof Trade t) {
            open = high = low = t.price();
            start = inside = t.time();
        } else {
            return; // quotes and books: this venue executes on bars and trades
        }
        boolean tick = !(data instanceof Bar);
        for (Iterator<Map.Entry<OrderId, Working>> it = working.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<OrderId, Working> e = it.next();
            Working w = e.getValue();
            OrderRequest o = w.request;
            boolean eligible = o.instrument().equals(data.instrument())
                    && (tick ? w.arrived.isBefore(start) : !w.arrived.isAfter(start));
            if (!eligible) {
                continue;
            }
            Instrument ins = instruments.get(o.instrument());
            boolean buy = o.side() == Side.BUY;
            Price price = null;
            Instant when = start;
            Liquidity liquidity = Liquidity.TAKER;
            switch (o.type()) {
                case MARKET -> price = slipped(ins, open, buy);
                case LIMIT -> {
                    Price limit = o.limitPrice();
                    if (buy ? !open.isAbove(limit) : !open.isBelow(limit)) {
                        price = open;
                    } else if (o.timeInForce() != TimeInForce.IOC && o.timeInForce() != TimeInForce.FOK
                            && (buy ? !low.isAbove(limit) : !high.isBelow(limit))) {
                        price = limit;
                        when = inside;
                        liquidity = Liquidity.MAKER;
                    }
                }
                case STOP -> {
                    Price trigger = o.triggerPrice();
                    if (buy ? !open.isBelow(trigger) : !open.isAbove(trigger)) {
                        price = slipped(ins, open, buy);
                    } else if (buy ? !high.isBelow(trigger) : !low.isAbove(trigger)) {
                        price = slipped(ins, trigger, buy);
                        when = inside;
                    }
                    if (price != null) {
                        listener.triggered(e.getKey(), when, price);
                    }
                }
                default -> throw new IllegalStateException("not accepted: " + o.type());
            }
            if (price == null) {
                if (o.timeInForce() == TimeInForce.IOC || o.timeInForce() == TimeInForce.FOK) {
                    it.remove();
                    listener.canceled(e.getKey(), start, o.timeInForce() + ": nothing to fill at once");
                }
                continue;
            }
            Money fee = fee(ins, o.quantity(), price);
            if (buy && listener.account().accountType() == AccountType.CASH) {
                Money cost = ins.cashToBuy(price, o.quantity()).plus(fee);
                if (cost.compareTo(listener.account().cash(ins.currency())) > 0) {
                    it.remove();
                    listener.canceled(e.getKey(), when, "insufficient cash: " + cost + " needed");
                    continue;
                }
            }
            it.remove();
            Price reference = o.type() == OrderType.LIMIT ? price : open;
            listener.filled(
                    e.getKey(), when, "NO-" + ++fills, o.quantity(), price, price.minus(reference).abs(), fee, liquidity);
        }
    }

    /** {@code reference} made worse by the slippage, rounded to the tick against the trader. */
    private Price slipped(Instrument ins, Price reference, boolean buy) {
        BigDecimal factor = slippageBps.divide(BPS);
        BigDecimal p = reference.toBigDecimal().multiply(buy ? BigDecimal.ONE.add(factor) : BigDecimal.ONE.subtract(factor));
        return ins.roundToTick(Price.of(p), buy ? RoundingMode.CEILING : RoundingMode.FLOOR);
    }

    private Money fee(Instrument ins, Quantity quantity, Price price) {
        BigDecimal notional = ins.notional(price, quantity).toBigDecimal();
        return Money.of(ins.currency(), notional.multiply(feeBps).divide(BPS));
    }

    @Override
    public Money estimateFee(Instrument instrument, Quantity quantity, Price price) {
        return fee(instrument, quantity, price);
    }
}
