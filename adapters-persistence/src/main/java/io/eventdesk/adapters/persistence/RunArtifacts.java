package io.eventdesk.adapters.persistence;

import io.eventdesk.domain.port.RunArtifactsPort;
import io.eventdesk.domain.results.ResultsSpec;
import java.nio.file.Path;
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
        return new CsvRunArtifacts(directory, null, null);
    }

    /**
     * The run files above and the run's results: {@code trades.csv} (round trips, written as they close),
     * {@code statistics.json} and {@code report.html}, computed as {@code results} says.
     */
    public static RunArtifactsPort directory(Path directory, ResultsSpec results) {
        return new CsvRunArtifacts(directory, results, null);
    }

    /** The same, the report showing what {@code dataQuality} gives when the run finishes (the readers' report). */
    public static RunArtifactsPort directory(Path directory, ResultsSpec results, Supplier<?> dataQuality) {
        return new CsvRunArtifacts(directory, results, dataQuality);
    }

    /** No run files at all (benchmarks, embedding): the run's summary is still returned by the use case. */
    public static RunArtifactsPort disabled() {
        return new DisabledArtifacts();
    }
}
