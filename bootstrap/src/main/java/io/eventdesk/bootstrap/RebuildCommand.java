package io.eventdesk.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventdesk.adapters.marketdata.MarketDataFeeds;
import io.eventdesk.adapters.persistence.EventJournals;
import io.eventdesk.application.engine.RebuildPortfolioService;
import io.eventdesk.application.usecase.RebuildPortfolioUseCase.RebuildRequest;
import io.eventdesk.bootstrap.config.BacktestConfig;
import io.eventdesk.bootstrap.config.ConfigLoader;
import io.eventdesk.bootstrap.wiring.ProgressFeed;
import io.eventdesk.domain.portfolio.Portfolio;
import io.eventdesk.domain.value.Money;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code eventdesk rebuild --config FILE [--out DIR]}: rebuilds a finished run's portfolio from its journal (the
 * journaled fills and the marks of the config's data) and compares every figure with the run's summary.json. The
 * journal is the run folder's, or the config's shared store ({@code journal.url}) with the run id the folder's
 * {@code status.json} records. It is streamed: the rebuild needs the memory of one block, not of the run.
 */
@Command(
        name = "rebuild",
        mixinStandardHelpOptions = true,
        description = "Rebuilds a finished run's portfolio from its journal and the data, and compares it with the"
                + " run's summary.json; exit 0 when every figure matches, 1 when one differs.")
final class RebuildCommand implements Callable<Integer> {
    @Option(names = "--config", required = true, paramLabel = "FILE", description = "the run's config")
    Path config;

    @Option(names = "--out", paramLabel = "DIR", description = "the run folder (default: runs/<name>)")
    Path out;

    @Option(names = "--quiet", description = "no progress bar (there is none when the output is not a terminal)")
    boolean quiet;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The run's market data: the files, or the first records of them a session took. */
    private static io.eventdesk.domain.port.MarketDataFeedPort data(
            BacktestConfig cfg, Path folder, String url, String runId) {
        io.eventdesk.domain.port.MarketDataFeedPort files = RunFolderFiles.marketData(cfg, folder);
        io.eventdesk.domain.run.RunRecord run = EventJournals.run(url, runId);
        return run != null && "service".equals(run.kind()) ? MarketDataFeeds.first(files, run.marketEvents()) : files;
    }

    @Override
    public Integer call() throws IOException {
        BacktestConfig cfg = ConfigLoader.load(config);
        Path folder = out != null ? out : Path.of("runs", cfg.name());
        JsonNode live = RunFolderFiles.summary(folder);
        // the run folder's embedded journal, or the run the folder records in the config's shared store
        String url = cfg.journalUrl() != null ? cfg.journalUrl() : RunFolderFiles.journalUrl(folder);
        String runId = cfg.journalUrl() != null ? RunFolderFiles.sharedRunId(folder) : cfg.name();
        Portfolio p = new RebuildPortfolioService()
                .rebuild(new RebuildRequest(
                        cfg.account(),
                        cfg.instruments(),
                        cfg.sessions(),
                        EventJournals.history(url, runId),
                        ProgressFeed.of(data(cfg, folder, url, runId), "rebuild " + cfg.name(), !quiet)));
        Map<String, BigDecimal> rebuilt = new LinkedHashMap<>();
        rebuilt.put("final_cash", p.cash().toBigDecimal());
        rebuilt.put("final_equity", p.equity().toBigDecimal());
        rebuilt.put("realized_pnl", p.realizedPnl().toBigDecimal());
        rebuilt.put("unrealized_pnl", p.unrealizedPnl().toBigDecimal());
        rebuilt.put("total_fees", p.totalFees().toBigDecimal());
        rebuilt.put("taxes", p.taxes().toBigDecimal());
        rebuilt.put("peak_equity", p.peakEquity().toBigDecimal());
        rebuilt.put("max_drawdown", p.maxDrawdown());
        rebuilt.put("leverage", p.leverage());
        rebuilt.put("daily_pnl", p.dailyPnl().toBigDecimal());
        for (Map.Entry<io.eventdesk.domain.value.Currency, Money> b :
                p.balances().entrySet()) {
            rebuilt.put("balances." + b.getKey().code(), b.getValue().toBigDecimal());
        }
        PrintWriter w = spec.commandLine().getOut();
        int differences = 0;
        for (Map.Entry<String, BigDecimal> e : rebuilt.entrySet()) {
            JsonNode node = live;
            for (String part : e.getKey().split("\\.")) {
                node = node == null ? null : node.get(part);
            }
            BigDecimal expected = node == null || node.isNull() ? null : node.decimalValue();
            boolean same = expected != null && expected.compareTo(e.getValue()) == 0;
            if (!same) {
                differences++;
            }
            w.printf(
                    "%-20s %s%s%n",
                    e.getKey(),
                    e.getValue().stripTrailingZeros().toPlainString(),
                    same ? "" : "  differs from the run's " + (expected == null ? "(none)" : expected.toPlainString()));
        }
        w.printf(
                differences == 0 ? "the rebuilt portfolio equals the run's in every figure%n" : "%d figure(s) differ%n",
                differences);
        return differences == 0 ? EventdeskCli.OK : EventdeskCli.INTERNAL_ERROR;
    }
}
