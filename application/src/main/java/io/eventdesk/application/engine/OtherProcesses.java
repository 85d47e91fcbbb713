package io.eventdesk.application.engine;

import io.eventdesk.domain.error.BadInputException;
import io.eventdesk.domain.event.PeerActivityReceived;
import io.eventdesk.domain.portfolio.Portfolio;
import io.eventdesk.domain.value.Money;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the desk knows of its other processes (a desk whose state is shared): each one's daily PnL as last reported,
 * summed in the portfolio's base currency for the daily loss limit. A desk that runs alone has none, and its daily
 * loss is its portfolio's. Their submitted orders go to the throttle's window, not here.
 */
final class OtherProcesses {
    private final Portfolio portfolio;
    /** by origin, in its order: the sum is the same whatever order the reports came in */
    private final Map<String, Money> dailyPnl = new TreeMap<>();

    private Money total;
    private List<String> uncounted = List.of();

    OtherProcesses(Portfolio portfolio) {
        this.portfolio = portfolio;
        this.total = Money.zero(portfolio.baseCurrency());
    }

    /** The others' daily PnL now, replacing the last report's. */
    void reported(List<PeerActivityReceived.DailyPnl> now) {
        dailyPnl.clear();
        for (PeerActivityReceived.DailyPnl d : now) {
            dailyPnl.put(d.origin(), d.pnl());
        }
        Money sum = Money.zero(portfolio.baseCurrency());
        List<String> notCounted = new ArrayList<>();
        for (Map.Entry<String, Money> e : dailyPnl.entrySet()) {
            try {
                sum = sum.plus(portfolio.valueInBase(e.getValue()));
            } catch (BadInputException noRate) {
                notCounted.add(e.getKey() + " (" + e.getValue().currency() + ": " + noRate.getMessage() + ")");
            }
        }
        total = sum;
        uncounted = List.copyOf(notCounted);
    }

    /** The processes whose daily PnL is in a currency this desk cannot value now (no rate): not counted. */
    List<String> uncounted() {
        return uncounted;
    }

    /** The other processes' daily PnL in the base currency (zero when there are none). */
    Money dailyPnl() {
        return total;
    }

    /** The desk's daily PnL: this portfolio's and the others'. */
    Money deskDailyPnl() {
        return portfolio.dailyPnl().plus(total);
    }
}
