package io.eventdesk.adapters.http;

import io.eventdesk.application.usecase.QueryDeskUseCase.DeskSnapshot;
import io.eventdesk.application.usecase.SignalDecision;
import io.eventdesk.domain.order.OrderView;
import io.eventdesk.domain.portfolio.PositionView;
import io.eventdesk.domain.value.Money;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The API's JSON shapes of the desk's values: snake_case names, exact numbers as strings. */
final class Views {
    private Views() {}

    static Map<String, Object> decision(SignalDecision d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("signal_id", d.signalId());
        m.put("outcome", d.outcome().name());
        m.put("sequence", d.sequence());
        m.put("time", d.time().toString());
        m.put("order_id", d.orderId());
        m.put("code", d.code());
        m.put("rule", d.rule());
        m.put("detail", d.detail());
        m.put("reason", d.reason());
        m.put("repeated", d.repeated());
        return m;
    }

    static Map<String, Object> order(OrderView o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("order_id", o.id().toString());
        m.put("strategy_id", o.strategyId());
        m.put("instrument", o.instrument().toString());
        m.put("side", o.side().name());
        m.put("type", o.type().name());
        m.put("quantity", o.quantity().toString());
        m.put("filled_quantity", o.filledQuantity().toString());
        m.put("limit_price", o.limitPrice() == null ? null : o.limitPrice().toString());
        m.put("stop_price", o.triggerPrice() == null ? null : o.triggerPrice().toString());
        m.put("time_in_force", o.timeInForce().name());
        m.put("status", o.status().name());
        return m;
    }

    static Map<String, Object> position(PositionView p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("instrument", p.instrument().toString());
        m.put("quantity", p.quantity().toString());
        m.put(
                "average_price",
                p.averagePrice() == null ? null : p.averagePrice().toPlainString());
        m.put("last_price", p.lastPrice() == null ? null : p.lastPrice().toString());
        m.put("market_value", money(p.marketValue()));
        m.put("unrealized_pnl", money(p.unrealizedPnl()));
        m.put("realized_pnl", money(p.realizedPnl()));
        return m;
    }

    static List<Map<String, Object>> positions(DeskSnapshot s) {
        return s.positions().stream().map(Views::position).toList();
    }

    static Map<String, Object> portfolio(DeskSnapshot s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("time", s.time().toString());
        m.put("currency", s.equity().currency().toString());
        m.put("cash", s.cash().amount());
        m.put("equity", s.equity().amount());
        m.put("realized_pnl", s.realizedPnl().amount());
        m.put("unrealized_pnl", s.unrealizedPnl().amount());
        m.put("total_fees", s.totalFees().amount());
        m.put("gross_exposure", s.grossExposure().amount());
        m.put("drawdown", s.drawdown().toPlainString());
        m.put("trading_state", s.tradingState().name());
        m.put("positions", positions(s));
        m.put("open_orders", s.openOrders().size());
        return m;
    }

    static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    private static Map<String, Object> money(Money m) {
        if (m == null) {
            return null;
        }
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("amount", m.amount());
        v.put("currency", m.currency().toString());
        return v;
    }
}
