package io.eventdesk.adapters.persistence;

import io.eventdesk.domain.event.Event;
import io.eventdesk.domain.port.RunArtifactsPort;
import io.eventdesk.domain.results.ResultsSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** The entry point of the run artifacts adapter. */
public final class RunArtifacts {
    /** The files written into a run folder. */
    public static final String SUMMARY = "summary.json";

    public static final String FILLS = "fills.csv";
    public static final String ORDERS = "orders.csv";
    public static final String DECISIONS = "decisions.jsonl";
    public static final String EQUITY = "equity.csv";
    public static final String TRADES = "trades.csv";
    public static final String STATISTICS = "statistics.json";
    public static final String REPORT = "report.html";

    private RunArtifacts() {}

    /**
     * Writes {@code fills.csv}, {@code decisions.jsonl} and {@code equity.csv} as events arrive, and
     * {@code orders.csv} and {@code summary.json} when the run finishes, into {@code directory} (created if
     * needed; existing files of those names are replaced).
     */
    public static RunArtifactsPort directory(Path directory) {
        return new CsvRunArtifacts(directory, null, null, null);
    }

    /**
     * The run files above and the run's results: {@code trades.csv} (round trips, written as they close),
     * {@code statistics.json} and {@code report.html}, computed as {@code results} says.
     */
    public static RunArtifactsPort directory(Path directory, ResultsSpec results) {
        return new CsvRunArtifacts(directory, results, null, null);
    }

    /**
     * The same, the report showing what {@code dataQuality} gives when the run finishes (the readers' report), and
     * {@code summary.json} naming the run's config file (so {@code eventdesk report} finds it again).
     */
    public static RunArtifactsPort directory(
            Path directory, ResultsSpec results, Supplier<?> dataQuality, Path configFile) {
        return new CsvRunArtifacts(directory, results, dataQuality, configFile);
    }

    /**
     * Writes a finished run folder's {@code trades.csv}, {@code statistics.json} and {@code report.html} anew:
     * {@code replay} is given where to send the run's events, and the files are written once it returns. The
     * folder's {@code summary.json} gives the report's summary table.
     */
    public static void recomputeResults(Path directory, ResultsSpec results, Consumer<Consumer<Event>> replay) {
        try (ResultsFiles files = new ResultsFiles(directory, results, null, null)) {
            replay.accept(files::record);
            files.finish();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the results in " + directory, e);
        }
    }

    /**
     * Writes {@code file}, a page with the runs' equity curves overlaid and their {@code keys} statistics side by
     * side, and the {@code configDifferences} listed.
     */
    public static void writeComparison(Path file, List<Path> runs, List<String> keys, List<String> configDifferences) {
        try {
            ComparePage.write(file, runs, keys, configDifferences);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /**
     * No run files: the run's results are computed in memory (no round trip kept for a report) and handed to
     * {@code finished} when it finishes — a sweep's runs.
     */
    public static RunArtifactsPort resultsOnly(
            ResultsSpec spec, java.util.function.Consumer<io.eventdesk.domain.results.RunResults> finished) {
        return new ResultsOnlyArtifacts(spec.newResults(trip -> {}, 0), finished);
    }

    /** No run files at all (benchmarks, embedding): the run's summary is still returned by the use case. */
    public static RunArtifactsPort disabled() {
        return new DisabledArtifacts();
    }
}
