package io.eventdesk.adapters.persistence;

import io.eventdesk.domain.event.Event;
import io.eventdesk.domain.event.OrderEvent;
import io.eventdesk.domain.event.OrderFilled;
import io.eventdesk.domain.event.PortfolioValued;
import io.eventdesk.domain.event.RiskEvaluated;
import io.eventdesk.domain.event.RuleCheck;
import io.eventdesk.domain.event.SignalRaised;
import io.eventdesk.domain.event.SignalSkipped;
import io.eventdesk.domain.order.OrderId;
import io.eventdesk.domain.order.lifecycle.OpenOrders;
import io.eventdesk.domain.order.lifecycle.Order;
import io.eventdesk.domain.port.RunArtifactsPort;
import io.eventdesk.domain.portfolio.PositionView;
import io.eventdesk.domain.portfolio.StrategyPnl;
import io.eventdesk.domain.results.ResultsSpec;
import io.eventdesk.domain.run.RunSummary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Writes the run folder's CSV and JSON files; {@code orders.csv} gets each order when it closes (open orders at the end),
 * so memory holds only the open ones. The order life cycle for {@code orders.csv} is rebuilt from the
 * events by the domain's own {@link OpenOrders} (and so {@code Order.apply}), so the file can never disagree with
 * the journal.
 */
final class CsvRunArtifacts implements RunArtifactsPort {
    private final Path directory;
    private final GatedFile fills;
    private final GatedFile decisions;
    /** orders.csv: each order written when it closes (open ones at the end), so memory holds only open orders */
    private final GatedFile ordersOut;

    private final GatedFile equity;
    /** the sequence number of the event being recorded: the files follow the journal's commits by it */
    private long current;

    private final OpenOrders orders = new OpenOrders();
    private final Map<Long, SignalRaised> pendingSignals = new HashMap<>();
    /** the run's config, named in summary.json; null when unknown */
    private final Path configFile;
    /** round trips, statistics and the report; null when not asked for */
    private final ResultsFiles results;

    private boolean closed;

    CsvRunArtifacts(Path directory, ResultsSpec resultsSpec, Supplier<?> dataQuality, Path configFile) {
        this.directory = directory;
        this.configFile = configFile;
        try {
            Files.createDirectories(directory);
            results = resultsSpec == null ? null : new ResultsFiles(directory, resultsSpec, dataQuality, () -> current);
            fills = open(
                    RunArtifacts.FILLS, "time,order_id,instrument,side,quantity,price,fee,strategy,slippage,liquidity");
            decisions = open(RunArtifacts.DECISIONS, null);
            ordersOut = open(
                    RunArtifacts.ORDERS,
                    "order_id,time,instrument,side,type,quantity,limit_price,status,filled_quantity,avg_fill_price,"
                            + "deny_code,strategy,trigger_price,time_in_force");
            equity = open(RunArtifacts.EQUITY, "time,cash,equity,gross_exposure,net_exposure,drawdown");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write run artifacts in " + directory, e);
        }
    }

    private GatedFile open(String name, String header) throws IOException {
        GatedFile w = new GatedFile(directory.resolve(name), () -> current);
        if (header != null) {
            w.header(header + "\n");
        }
        return w;
    }

    @Override
    public void durableThrough(long sequence) {
        try {
            for (GatedFile f : List.of(fills, decisions, equity, ordersOut)) {
                f.release(sequence);
            }
            if (results != null) {
                results.release(sequence);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write run artifacts in " + directory, e);
        }
    }

    @Override
    public void record(Event event) {
        current = event.sequence();
        if (results != null) {
            results.record(event);
        }
        try {
            if (event instanceof SignalRaised s) {
                pendingSignals.put(s.sequence(), s);
            } else if (event instanceof SignalSkipped s) {
                decision(s.signalSequence(), s.time().toString(), "NONE", null, null, s.reason(), null, List.of());
            } else if (event instanceof RiskEvaluated r) {
                RuleCheck first = r.firstFailure().orElse(null);
                String detail = first != null ? first.detail() : summarize(r.checks());
                decision(
                        r.signalSequence(),
                        r.time().toString(),
                        r.approved() ? "APPROVED" : "DENIED",
                        first == null ? null : first.code(),
                        first == null ? null : first.rule(),
                        detail,
                        r.orderId().toString(),
                        r.checks());
            } else if (event instanceof OrderEvent o) {
                Order order = orders.apply(o);
                if (event instanceof OrderFilled f) {
                    fill(f);
                }
                if (order != null && order.isClosed()) {
                    writeOrder(order);
                }
            } else if (event instanceof PortfolioValued p) {
                csv(
                        equity,
                        p.time().toString(),
                        p.cash().amount(),
                        p.equity().amount(),
                        p.grossExposure().amount(),
                        p.netExposure().amount(),
                        plain(p.drawdown()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write run artifacts in " + directory, e);
        }
    }

    private void fill(OrderFilled f) throws IOException {
        csv(
                fills,
                f.time().toString(),
                f.orderId().toString(),
                f.instrument().value(),
                f.side().name(),
                f.quantity().toString(),
                f.price().toString(),
                f.fee().amount(),
                f.strategyId(),
                f.slippage().toString(),
                f.liquidity().name());
    }

    private void writeOrder(Order o) throws IOException {
        BigDecimal avg = o.averageFillPrice();
        csv(
                ordersOut,
                o.id().toString(),
                o.createdTime().toString(),
                o.instrument().value(),
                o.side().name(),
                o.request().type().name(),
                o.quantity().toString(),
                o.request().limitPrice() == null ? "" : o.request().limitPrice().toString(),
                o.status().name(),
                o.filledQuantity().toString(),
                avg == null ? "" : plain(avg),
                o.denyCode(),
                o.strategyId(),
                o.request().triggerPrice() == null
                        ? ""
                        : o.request().triggerPrice().toString(),
                o.request().timeInForce().name());
    }

    private static String summarize(List<RuleCheck> checks) {
        return checks.size() + " rule(s) passed";
    }

    private void decision(
            long signalSequence,
            String time,
            String decision,
            String code,
            String rule,
            String detail,
            String orderId,
            List<RuleCheck> checks)
            throws IOException {
        SignalRaised s = pendingSignals.remove(signalSequence);
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("time", time);
        if (s != null) {
            line.put("strategy", s.strategyId());
            line.put("instrument", s.signal().instrument().value());
            line.put("signal", s.signal().name());
            line.put("target", s.signal().target());
            line.put("reason", s.signal().reason());
        } else {
            // a risk decision on a strategy's replace request, not on a signal
            Order order = orders.get(OrderId.parse(orderId));
            line.put("strategy", order.strategyId());
            line.put("instrument", order.instrument().value());
            line.put("signal", "replace " + orderId);
            line.put("target", null);
            line.put("reason", null);
        }
        line.put("decision", decision);
        line.put("code", code);
        line.put("rule", rule);
        line.put("detail", detail);
        line.put("order_id", orderId);
        List<Map<String, Object>> evaluated = new ArrayList<>();
        for (RuleCheck c : checks) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rule", c.rule());
            m.put("code", c.code());
            m.put("passed", c.passed());
            m.put("detail", c.detail());
            evaluated.add(m);
        }
        line.put("checks", evaluated);
        line.put("fields", s == null ? Map.of() : s.signal().fields());
        decisions.write(PlainJson.write(line) + "\n");
    }

    private final StringBuilder line = new StringBuilder(256);

    private void csv(Writer w, String... values) throws IOException {
        line.setLength(0);
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(escape(values[i]));
        }
        line.append('\n');
        w.append(line);
    }

    private static String escape(String v) {
        if (v == null) {
            return "";
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }

    private static BigDecimal plainNumber(BigDecimal d) {
        return d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros();
    }

    private static String plain(BigDecimal v) {
        return v.signum() == 0 ? "0" : v.stripTrailingZeros().toPlainString();
    }

    @Override
    public void finish(RunSummary summary) {
        try {
            for (Order o : orders.all()) {
                writeOrder(o); // still open at the end
            }
            ordersOut.close();
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("name", summary.name());
            s.put("currency", summary.initialCash().currency().code());
            s.put("initial_cash", summary.initialCash().toBigDecimal());
            s.put("final_cash", summary.finalCash().toBigDecimal());
            s.put("final_equity", summary.finalEquity().toBigDecimal());
            s.put("realized_pnl", summary.realizedPnl().toBigDecimal());
            s.put("unrealized_pnl", summary.unrealizedPnl().toBigDecimal());
            s.put("total_fees", summary.totalFees().toBigDecimal());
            s.put("orders_submitted", summary.ordersSubmitted());
            s.put("orders_filled", summary.ordersFilled());
            s.put("orders_denied", summary.ordersDenied());
            s.put("fills", summary.fills());
            s.put("max_drawdown", summary.maxDrawdown());
            s.put("market_events", summary.marketEvents());
            s.put("events", summary.events());
            s.put("journal_digest", summary.journalDigest());
            s.put("account_type", summary.accountType());
            s.put("peak_equity", summary.peakEquity().toBigDecimal());
            s.put("taxes", summary.taxes().toBigDecimal());
            Map<String, Object> balances = new LinkedHashMap<>();
            summary.balances().forEach((c, m) -> balances.put(c.code(), m.toBigDecimal()));
            s.put("balances", balances);
            Map<String, Object> exposure = new LinkedHashMap<>();
            summary.exposureByAssetClass().forEach((k, e) -> {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("gross", e.gross().toBigDecimal());
                x.put("net", e.net().toBigDecimal());
                exposure.put(k.name().toLowerCase(java.util.Locale.ROOT), x);
            });
            s.put("exposure_by_asset_class", exposure);
            s.put("leverage", summary.leverage());
            s.put("drawdown", summary.drawdown());
            s.put("daily_pnl", summary.dailyPnl().toBigDecimal());
            List<Map<String, Object>> positions = new ArrayList<>();
            for (PositionView p : summary.positions()) {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("instrument", p.instrument().value());
                x.put("quantity", p.quantity().toBigDecimal());
                x.put("currency", p.costBasis().currency().code());
                x.put("cost_basis", p.costBasis().toBigDecimal());
                x.put("average_price", p.averagePrice());
                x.put("last_price", p.lastPrice() == null ? null : p.lastPrice().toBigDecimal());
                x.put("market_value", p.marketValue().toBigDecimal());
                x.put("unrealized_pnl", p.unrealizedPnl().toBigDecimal());
                x.put("realized_pnl", p.realizedPnl().toBigDecimal());
                positions.add(x);
            }
            s.put("positions", positions);
            List<Map<String, Object>> strategies = new ArrayList<>();
            for (StrategyPnl p : summary.strategies()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", p.strategyId());
                m.put("realized_pnl", p.realizedPnl().toBigDecimal());
                m.put("unrealized_pnl", p.unrealizedPnl().toBigDecimal());
                m.put("fees", p.fees().toBigDecimal());
                m.put("total_pnl", p.totalPnl().toBigDecimal());
                m.put("fills", p.fills());
                m.replaceAll((k, v) -> v instanceof BigDecimal d ? plainNumber(d) : v);
                strategies.add(m);
            }
            s.put("strategies", strategies);
            s.replaceAll((k, v) -> v instanceof BigDecimal d ? plainNumber(d) : v);
            if (configFile != null) {
                s.put("config", configFile.toAbsolutePath().normalize().toString());
            }
            Files.writeString(
                    directory.resolve(RunArtifacts.SUMMARY),
                    EventJson.ARTIFACTS.writerWithDefaultPrettyPrinter().writeValueAsString(s) + "\n");
            if (results != null) {
                results.finish();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write run artifacts in " + directory, e);
        } finally {
            close();
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (results != null) {
            results.close();
        }
        IOException first = null;
        for (GatedFile w : List.of(fills, decisions, equity, ordersOut)) {
            try {
                w.close();
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        if (first != null) {
            throw new UncheckedIOException("cannot close run artifacts in " + directory, first);
        }
    }
}
