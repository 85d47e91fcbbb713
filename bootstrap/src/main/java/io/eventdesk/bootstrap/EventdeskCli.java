package io.eventdesk.bootstrap;

import io.eventdesk.bootstrap.wiring.StopSignals;
import io.eventdesk.domain.error.BadInputException;
import io.eventdesk.domain.error.RunStopped;
import io.eventdesk.domain.error.StrategyFailure;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code eventdesk} command. Exit codes: 0 success, 2 bad input or config (one clear message), 1 internal
 * error.
 */
@Command(
        name = "eventdesk",
        mixinStandardHelpOptions = true,
        versionProvider = EventdeskCli.Version.class,
        description = "A deterministic, event-driven trading desk simulator.",
        subcommands = {
            BacktestCommand.class,
            SweepCommand.class,
            RecordCommand.class,
            ServeCommand.class,
            ReplayCommand.class,
            DataCommand.class,
            RebuildCommand.class,
            ReportCommand.class,
            CompareCommand.class,
            JournalCommand.class,
            RunsCommand.class,
            ExplainCommand.class,
            CommandLine.HelpCommand.class
        })
public final class EventdeskCli implements Runnable {
    public static final int OK = 0;
    public static final int INTERNAL_ERROR = 1;
    public static final int BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required, e.g. backtest");
    }

    public static void main(String[] args) {
        StopSignals.install();
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the CLI with the given streams and returns its exit code. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new EventdeskCli());
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((ex, a) -> {
            err.println("error: " + ex.getMessage());
            err.println("(eventdesk --help shows the usage)");
            return BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof BadInputException) {
                err.println("error: " + ex.getMessage());
                return BAD_INPUT;
            }
            if (ex instanceof RunStopped stop) {
                err.println(stop.getMessage() + ": what was decided is journaled; the run folder says STOPPED");
                return StopSignals.exitCode(stop.signal());
            }
            return internal(ex, err);
        });
        try {
            return cli.execute(args);
        } catch (StackOverflowError | OutOfMemoryError e) {
            return internal(e, err);
        }
    }

    /** A strategy's failure or a bug: one line, and the stack trace only when asked for. */
    private static int internal(Throwable ex, PrintWriter err) {
        err.println(ex instanceof StrategyFailure ? "error: " + ex.getMessage() : "internal error: " + ex);
        if (Boolean.getBoolean("eventdesk.debug") || System.getenv("EVENTDESK_DEBUG") != null) {
            ex.printStackTrace(err);
        } else {
            err.println("(set EVENTDESK_DEBUG=1 for the stack trace)");
        }
        return INTERNAL_ERROR;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = EventdeskCli.class.getPackage().getImplementationVersion();
            return new String[] {"eventdesk " + (v == null ? "(development build)" : v)};
        }
    }
}
