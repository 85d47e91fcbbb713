package io.eventdesk.bootstrap;

import io.eventdesk.adapters.marketdata.DataQualityReport;
import io.eventdesk.bootstrap.config.BacktestConfig;
import io.eventdesk.bootstrap.config.ConfigLoader;
import io.eventdesk.bootstrap.wiring.BacktestRunner;
import io.eventdesk.bootstrap.wiring.Plugins;
import io.eventdesk.domain.run.RunSummary;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code eventdesk backtest --config FILE [--out DIR]}. */
@Command(
        name = "backtest",
        mixinStandardHelpOptions = true,
        description = "Replays the config's market data through its strategy, the risk engine, the paper venue and"
                + " the portfolio; writes the journal and the run's files into the run folder.")
final class BacktestCommand implements Callable<Integer> {
    @Option(
            names = "--config",
            required = true,
            paramLabel = "FILE",
            description = "the backtest config (YAML or JSON)")
    Path config;

    @Option(names = "--out", paramLabel = "DIR", description = "the run folder (default: runs/<name>)")
    Path out;

    @Option(names = "--quiet", description = "no progress bar (there is none when the output is not a terminal)")
    boolean quiet;

    @Option(
            names = "--classpath",
            paramLabel = "PATH",
            description = "jars and class folders of your own strategies, separated by '${sys:path.separator}'"
                    + " (also: EVENTDESK_CLASSPATH, and every jar in a plugins/ folder)")
    String classpath;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ClassLoader plugins = Plugins.loader(classpath);
        BacktestConfig cfg = ConfigLoader.load(config);
        Path folder = out != null ? out : Path.of("runs", cfg.name());
        DataQualityReport quality = new DataQualityReport();
        RunSummary s = BacktestRunner.run(cfg, folder, quality, !quiet, plugins);
        PrintWriter w = spec.commandLine().getOut();
        String ccy = " " + s.initialCash().currency();
        w.printf(
                "run %s: %d market events, %d orders submitted (%d filled), %d denied, %d fills%n",
                s.name(), s.marketEvents(), s.ordersSubmitted(), s.ordersFilled(), s.ordersDenied(), s.fills());
        w.printf(
                "equity %s%s (cash %s, realized %s, unrealized %s, fees %s), max drawdown %s%n",
                s.finalEquity().amount(),
                ccy,
                s.finalCash().amount(),
                s.realizedPnl().amount(),
                s.unrealizedPnl().amount(),
                s.totalFees().amount(),
                s.maxDrawdown().stripTrailingZeros().toPlainString());
        if (s.strategies().size() > 1) {
            for (var p : s.strategies()) {
                w.printf(
                        "  strategy %s: %d fills, PnL %s (realized %s, unrealized %s, fees %s)%n",
                        p.strategyId(),
                        p.fills(),
                        p.totalPnl().amount(),
                        p.realizedPnl().amount(),
                        p.unrealizedPnl().amount(),
                        p.fees().amount());
            }
        }
        if (quality.problems() > 0) {
            w.printf(
                    "data quality: %d problems handled by the validation policy (see %s)%n",
                    quality.problems(), BacktestRunner.DATA_QUALITY_FILE);
        }
        ResultsBlock.print(w, folder);
        w.printf(
                "journal: %d events (%d stored, %d market events kept by their digest), digest %s%n",
                s.events(), s.events() - s.marketEvents(), s.marketEvents(), s.journalDigest());
        w.printf("run folder: %s%n", folder.toAbsolutePath().normalize());
        return EventdeskCli.OK;
    }
}
