package io.eventdesk.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventdesk.adapters.marketdata.DataQualityReport;
import io.eventdesk.adapters.marketdata.MarketDataFeeds;
import io.eventdesk.adapters.persistence.EventJournals;
import io.eventdesk.application.engine.RebuildPortfolioService;
import io.eventdesk.application.usecase.RebuildPortfolioUseCase.RebuildRequest;
import io.eventdesk.bootstrap.config.BacktestConfig;
import io.eventdesk.bootstrap.config.ConfigLoader;
import io.eventdesk.domain.portfolio.Exposure;
import io.eventdesk.domain.portfolio.Portfolio;
import io.eventdesk.domain.portfolio.PositionView;
import io.eventdesk.domain.value.Money;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The multi-asset example (a margin account in USD with a future, an FX pair and a USDT-quoted crypto; FIFO; taxes;
 * New York sessions) runs, and its portfolio rebuilt from the journal's fills and the data's marks into an empty
 * portfolio equals the live run's in every figure.
 */
class PortfolioRebuildTest {
    @TempDir
    Path dir;

    @Test
    void shouldRebuildEveryFigureFromTheJournal_whenTheMultiAssetExampleHasRun() {
        Path config = Path.of("..", "examples", "multi-asset.yaml");
        RunFolder run = RunFolder.backtest(config, dir);
        assertThat(run.exitCode).as(run.err).isZero();
        JsonNode live = run.summary();
        assertThat(live.get("account_type").asText()).isEqualTo("margin");
        assertThat(live.get("balances").fieldNames()).toIterable().contains("USD", "GBP", "USDT");
        assertThat(live.get("taxes").decimalValue()).isPositive();
        RunFolder again = RunFolder.backtest(config, dir.resolve("again"));
        assertThat(again.summary().get("journal_digest")).isEqualTo(live.get("journal_digest")); // deterministic

        BacktestConfig cfg = ConfigLoader.load(config);
        Portfolio rebuilt = new RebuildPortfolioService()
                .rebuild(new RebuildRequest(
                        cfg.account(),
                        cfg.instruments(),
                        cfg.sessions(),
                        EventJournals.history("jdbc:sqlite:" + dir.resolve("journal.db"), cfg.name()),
                        MarketDataFeeds.open(cfg.data(), new DataQualityReport())));

        same(rebuilt.cash(), live, "final_cash");
        same(rebuilt.equity(), live, "final_equity");
        same(rebuilt.realizedPnl(), live, "realized_pnl");
        same(rebuilt.unrealizedPnl(), live, "unrealized_pnl");
        same(rebuilt.totalFees(), live, "total_fees");
        same(rebuilt.taxes(), live, "taxes");
        same(rebuilt.peakEquity(), live, "peak_equity");
        same(rebuilt.dailyPnl(), live, "daily_pnl");
        assertThat(rebuilt.maxDrawdown())
                .isEqualByComparingTo(live.get("max_drawdown").decimalValue());
        assertThat(rebuilt.drawdown()).isEqualByComparingTo(live.get("drawdown").decimalValue());
        assertThat(rebuilt.leverage()).isEqualByComparingTo(live.get("leverage").decimalValue());
        rebuilt.balances()
                .forEach((c, m) -> assertThat(m.toBigDecimal())
                        .as("balance of " + c)
                        .isEqualByComparingTo(live.get("balances").get(c.code()).decimalValue()));
        assertThat(live.get("balances").size()).isEqualTo(rebuilt.balances().size());
        Map<io.eventdesk.domain.instrument.AssetClass, Exposure> exposure = rebuilt.exposureByAssetClass();
        assertThat(live.get("exposure_by_asset_class").size()).isEqualTo(exposure.size());
        exposure.forEach((k, e) -> {
            JsonNode x = live.get("exposure_by_asset_class").get(k.name().toLowerCase(java.util.Locale.ROOT));
            assertThat(e.gross().toBigDecimal())
                    .isEqualByComparingTo(x.get("gross").decimalValue());
            assertThat(e.net().toBigDecimal()).isEqualByComparingTo(x.get("net").decimalValue());
        });
        Iterator<JsonNode> positions = live.get("positions").elements();
        for (PositionView p : rebuilt.positions()) {
            JsonNode x = positions.next();
            assertThat(x.get("instrument").asText()).isEqualTo(p.instrument().value());
            assertThat(p.quantity().toBigDecimal())
                    .isEqualByComparingTo(x.get("quantity").decimalValue());
            assertThat(p.costBasis().toBigDecimal())
                    .isEqualByComparingTo(x.get("cost_basis").decimalValue());
            assertThat(p.realizedPnl().toBigDecimal())
                    .isEqualByComparingTo(x.get("realized_pnl").decimalValue());
            assertThat(p.unrealizedPnl().toBigDecimal())
                    .isEqualByComparingTo(x.get("unrealized_pnl").decimalValue());
            assertThat(p.marketValue().toBigDecimal())
                    .isEqualByComparingTo(x.get("market_value").decimalValue());
            if (p.averagePrice() != null) {
                assertThat(p.averagePrice())
                        .isEqualByComparingTo(x.get("average_price").decimalValue());
            }
        }
        assertThat(positions.hasNext()).isFalse();
    }

    @Test
    void shouldSayWhetherTheRunFolderAgrees_whenRebuildingFromTheCli() throws java.io.IOException {
        Path config = Path.of("..", "examples", "sma-cross-btc.yaml");
        assertThat(RunFolder.backtest(config, dir).exitCode).isZero();
        RunFolder ok = RunFolder.cli(dir, "rebuild", "--config", config.toString(), "--out", dir.toString());
        assertThat(ok.exitCode).as(ok.err).isZero();
        assertThat(ok.out).contains("the rebuilt portfolio equals the run's in every figure");
        Path summary = dir.resolve("summary.json");
        java.nio.file.Files.writeString(
                summary,
                java.nio.file.Files.readString(summary).replaceFirst("\"final_cash\" : [0-9.]+", "\"final_cash\" : 1"));
        RunFolder tampered = RunFolder.cli(dir, "rebuild", "--config", config.toString(), "--out", dir.toString());
        assertThat(tampered.exitCode).isEqualTo(1);
        assertThat(tampered.out).contains("differs from the run's 1").contains("1 figure(s) differ");
    }

    private static void same(Money rebuilt, JsonNode live, String field) {
        BigDecimal expected = live.get(field).decimalValue();
        assertThat(rebuilt.toBigDecimal()).as(field).isEqualByComparingTo(expected);
    }
}
