package io.eventdesk.bootstrap;

import io.eventdesk.adapters.marketdata.DataInspector;
import io.eventdesk.adapters.marketdata.DataKind;
import io.eventdesk.adapters.marketdata.SyntheticMarketData;
import io.eventdesk.domain.error.BadInputException;
import io.eventdesk.domain.instrument.AssetClass;
import io.eventdesk.domain.instrument.Instrument;
import io.eventdesk.domain.instrument.InstrumentId;
import io.eventdesk.domain.value.Currency;
import io.eventdesk.domain.value.Price;
import io.eventdesk.domain.value.Quantity;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code eventdesk data generate|inspect}: synthetic data, and a look at a file as a run would read it. */
@Command(
        name = "data",
        mixinStandardHelpOptions = true,
        description = "Market data tools.",
        subcommands = {DataCommand.Generate.class, DataCommand.Inspect.class})
final class DataCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a data command is required: generate or inspect");
    }

    private static DataKind kind(String text, String option) {
        try {
            return DataKind.valueOf(text.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new BadInputException(
                    option, 0, null, "expected bars, trades, quotes, quote-bars or book, got '" + text + "'");
        }
    }

    @Command(
            name = "generate",
            mixinStandardHelpOptions = true,
            description = "Writes seeded synthetic data (geometric Brownian motion with optional jumps and a spread)"
                    + " as CSV; gzip-compressed when the file name ends in .gz.")
    static final class Generate implements Callable<Integer> {
        @Option(names = "--out", required = true, paramLabel = "FILE", description = "the CSV file to write")
        Path out;

        @Option(
                names = "--kind",
                defaultValue = "bars",
                description = "bars, trades or quotes (default: ${DEFAULT-VALUE})")
        String kind;

        @Option(names = "--count", defaultValue = "100000", description = "records (default: ${DEFAULT-VALUE})")
        long count;

        @Option(names = "--seed", defaultValue = "1", description = "the random seed (default: ${DEFAULT-VALUE})")
        long seed;

        @Option(names = "--start", defaultValue = "2024-01-01T00:00:00Z", description = "first time, ISO-8601")
        String start;

        @Option(names = "--step", defaultValue = "PT1M", description = "time between records, ISO-8601 duration")
        String step;

        @Option(names = "--price", defaultValue = "100", description = "the starting price")
        BigDecimal price;

        @Option(names = "--tick", defaultValue = "0.01", description = "the price grid")
        BigDecimal tick;

        @Option(names = "--lot", defaultValue = "1", description = "the size grid")
        BigDecimal lot;

        @Option(names = "--drift", defaultValue = "0", description = "annual drift")
        double drift;

        @Option(names = "--volatility", defaultValue = "0.5", description = "annual volatility")
        double volatility;

        @Option(names = "--jumps-per-year", defaultValue = "0", description = "jump intensity")
        double jumps;

        @Option(names = "--jump-mean", defaultValue = "0", description = "mean log-return of a jump")
        double jumpMean;

        @Option(names = "--jump-stdev", defaultValue = "0.02", description = "deviation of a jump's log-return")
        double jumpStdev;

        @Option(names = "--spread-bps", defaultValue = "2", description = "quoted spread in basis points")
        double spreadBps;

        @Option(names = "--mean-size", defaultValue = "1000", description = "mean volume, trade or quote size")
        double meanSize;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            Instrument instrument;
            SyntheticMarketData data;
            Instant first = option("--start", () -> Instant.parse(start));
            Duration every = option("--step", () -> Duration.parse(step));
            try {
                instrument = new Instrument(
                        InstrumentId.of("SYNTH"),
                        AssetClass.CRYPTO,
                        Currency.of("USD"),
                        Price.of(tick),
                        Quantity.of(lot),
                        Quantity.of(1));
                data = new SyntheticMarketData(
                        instrument,
                        kind(kind, "--kind"),
                        first,
                        every,
                        count,
                        seed,
                        price,
                        drift,
                        volatility,
                        jumps,
                        jumpMean,
                        jumpStdev,
                        spreadBps,
                        meanSize);
            } catch (IllegalArgumentException e) {
                throw new BadInputException("eventdesk data generate", 0, null, e.getMessage());
            }
            long n = data.write(out);
            spec.commandLine()
                    .getOut()
                    .printf("wrote %d %s of seed %d to %s%n", n, data.kind().configName(), seed, out.toAbsolutePath());
            return EventdeskCli.OK;
        }
    }

    /** Parses one option's value; a bad one is an error naming the option and what was expected. */
    private static <T> T option(String name, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (DateTimeParseException e) {
            throw new BadInputException(
                    "eventdesk data generate",
                    0,
                    name,
                    "expected "
                            + (name.equals("--start")
                                    ? "an ISO-8601 instant (2024-01-01T00:00:00Z)"
                                    : "an ISO-8601" + " duration (PT1M)")
                            + ", got '" + e.getParsedString() + "'");
        }
    }

    @Command(
            name = "inspect",
            mixinStandardHelpOptions = true,
            description = "Shows how a run would read a data file: layout, columns, time, rows, range, problems.")
    static final class Inspect implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", description = "the data file (CSV, optionally gzip-compressed)")
        Path file;

        @Option(names = "--kind", description = "bars, trades, quotes or book (default: detected from the header)")
        String kind;

        @Option(names = "--tick", description = "check prices against this tick size")
        BigDecimal tick;

        @Option(names = "--timezone", description = "the zone of times without an offset (default UTC)")
        String timezone;

        @Option(names = "--time-format", description = "epoch-s|epoch-ms|epoch-us|epoch-ns or a date-time pattern")
        String timeFormat;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            if (!Files.isRegularFile(file)) {
                throw new BadInputException(file.toString(), 0, null, "file not found");
            }
            if (tick != null && tick.signum() <= 0) {
                throw new BadInputException("eventdesk data inspect", 0, "--tick", "must be positive, got " + tick);
            }
            ZoneId zone;
            try {
                zone = timezone == null ? null : ZoneId.of(timezone);
            } catch (java.time.DateTimeException e) {
                throw new BadInputException("--timezone", 0, null, e.getMessage());
            }
            DataInspector.Inspection i =
                    DataInspector.inspect(file, kind == null ? null : kind(kind, "--kind"), tick, zone, timeFormat);
            spec.commandLine().getOut().print(i.describe());
            spec.commandLine().getOut().flush();
            return EventdeskCli.OK;
        }
    }
}
