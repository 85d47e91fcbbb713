package io.eventdesk.bootstrap;

import io.eventdesk.bootstrap.config.BacktestConfig;
import io.eventdesk.bootstrap.config.ConfigLoader;
import io.eventdesk.bootstrap.wiring.Plugins;
import io.eventdesk.bootstrap.wiring.ServiceRunner;
import io.eventdesk.bootstrap.wiring.StopSignals;
import io.eventdesk.domain.run.RunSummary;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = "Runs the config's desk as a service: its market data replayed on the wall clock, signals and"
                + " the kill switch through the HTTP API (docs/service.md). Ctrl-C (or SIGTERM) finishes the run.")
final class ServeCommand implements Callable<Integer> {
    @Option(
            names = {"-c", "--config"},
            required = true,
            paramLabel = "FILE",
            description = "the config (YAML or JSON), with its service section")
    Path config;

    @Option(names = "--out", paramLabel = "DIR", description = "the run folder (default: runs/<name>)")
    Path out;

    @Option(names = "--port", paramLabel = "PORT", description = "overrides service.port (0: any free port)")
    Integer port;

    @Option(
            names = "--resume",
            description = "recover the session the run folder holds (finished, stopped or killed) from its journal,"
                    + " then go on")
    boolean resume;

    @Option(
            names = "--classpath",
            paramLabel = "PATH",
            description = "jars and class folders holding your strategies, venue or feeds")
    String classpath;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        ClassLoader plugins = Plugins.loader(classpath);
        BacktestConfig cfg = ConfigLoader.load(config);
        if (port != null) {
            cfg = ConfigLoader.withServicePort(cfg, port);
        }
        Path folder = out != null ? out : Path.of("runs", cfg.name());
        PrintWriter w = spec.commandLine().getOut();
        ServiceRunner service = ServiceRunner.start(cfg, folder, plugins, System::getenv, Clock.systemUTC(), resume);
        w.printf(
                "serving %s on http://%s:%d (API: /v1/openapi.json; token from %s); run folder %s; Ctrl-C stops%n",
                cfg.name(),
                service.bind(),
                service.port(),
                cfg.service().tokenFile() != null
                        ? cfg.service().tokenFile()
                        : "$" + cfg.service().tokenEnv(),
                folder);
        w.flush();
        while (StopSignals.requested() == null && service.failure() == null) {
            Thread.sleep(100);
        }
        RunSummary s = service.stop();
        w.printf(
                "stopped %s (%s): %d market events, %d orders submitted, %d denied, %d fills; equity %s %s%n",
                s.name(),
                StopSignals.requested() == null ? "the desk stopped" : StopSignals.requested(),
                s.marketEvents(),
                s.ordersSubmitted(),
                s.ordersDenied(),
                s.fills(),
                s.finalEquity().amount(),
                s.finalEquity().currency());
        w.printf("journal: %d events, digest %s%n", s.events(), s.journalDigest());
        return 0;
    }
}
