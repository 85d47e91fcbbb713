package io.eventdesk.adapters.persistence;

import io.eventdesk.domain.port.RunArtifactsPort;
import java.nio.file.Path;

/** The entry point of the run artifacts adapter. */
public final class RunArtifacts {
    /** The files written into a run folder. */
    public static final String SUMMARY = "summary.json";

    public static final String FILLS = "fills.csv";
    public static final String ORDERS = "orders.csv";
    public static final String DECISIONS = "decisions.jsonl";
    public static final String EQUITY = "equity.csv";

    private RunArtifacts() {}

    /**
     * Writes {@code fills.csv}, {@code decisions.jsonl} and {@code equity.csv} as events arrive, and
     * {@code orders.csv} and {@code summary.json} when the run finishes, into {@code directory} (created if
     * needed; existing files of those names are replaced).
     */
    public static RunArtifactsPort directory(Path directory) {
        return new CsvRunArtifacts(directory);
    }

    /** No run files at all (benchmarks, embedding): the run's summary is still returned by the use case. */
    public static RunArtifactsPort disabled() {
        return new DisabledArtifacts();
    }
}
