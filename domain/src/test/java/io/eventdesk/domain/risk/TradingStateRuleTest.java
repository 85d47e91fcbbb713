package io.eventdesk.domain.risk;

import static io.eventdesk.domain.testing.Fills.buy;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventdesk.domain.event.RuleCheck;
import io.eventdesk.domain.instrument.Instrument;
import io.eventdesk.domain.order.OrderRequest;
import io.eventdesk.domain.portfolio.Portfolio;
import io.eventdesk.domain.testing.Instruments;
import io.eventdesk.domain.trading.TradingState;
import io.eventdesk.domain.value.Money;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import io.eventdesk.domain.value.Side;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TradingStateRuleTest {
    private final Instrument aapl = Instruments.equity("AAPL");

    @ParameterizedTest(name = "{0}: {1} {2} by {3} -> {4}")
    @CsvSource({
        "ACTIVE,   BUY,  5,  strategy,    PASSED",
        "ACTIVE,   SELL, 15, strategy,    PASSED",
        "REDUCING, SELL, 5,  strategy,    PASSED",
        "REDUCING, BUY,  5,  strategy,    REDUCE_ONLY",
        "REDUCING, SELL, 15, strategy,    REDUCE_ONLY",
        "HALTED,   SELL, 5,  strategy,    TRADING_HALTED",
        "HALTED,   BUY,  5,  desk,        TRADING_HALTED",
        "HALTED,   SELL, 10, desk,        PASSED",
    })
    void shouldGateByTheKillSwitch_whenTheStateAndOrderVary(
            TradingState state, Side side, long quantity, String strategy, String expected) {
        Portfolio portfolio = new Portfolio(Money.of("USD", "10000"), List.of(aapl));
        portfolio.apply(buy(aapl, "10", "100")); // long 10
        RiskContext context = new RiskContext(
                portfolio,
                aapl,
                Price.of("100"),
                Quantity.ZERO,
                Money.of("USD", "0"),
                Money.of("USD", "0"),
                0,
                state,
                strategy.equals("desk"));
        RuleCheck check = new TradingStateRule()
                .evaluate(
                        OrderRequest.market(strategy, aapl.id(), side, Quantity.of(quantity)),
                        context,
                        RiskLimits.none())
                .orElseThrow();
        assertThat(check.passed() ? "PASSED" : check.code()).isEqualTo(expected);
    }
}
