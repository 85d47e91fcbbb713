package io.eventdesk.adapters.persistence;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What a journal registers about the run it records: its id and name, what kind of run it is, its seed, the config
 * file and the data files it read (the registry keeps the config's SHA-256 and each data file's size and modification
 * time), and the code version that ran it.
 *
 * @param configFile null when the run has no config file (an embedded run)
 */
public record RunRegistration(
        String runId, String name, String kind, Long seed, Path configFile, List<Path> dataFiles, String codeVersion) {
    public RunRegistration {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        dataFiles = List.copyOf(dataFiles);
    }

    /** A backtest known only by its id (the benchmarks, tests and embedded uses). */
    public static RunRegistration backtest(String runId) {
        return new RunRegistration(
                runId, runId, "backtest", null, null, List.of(), codeVersionOf(RunRegistration.class));
    }

    /** The version in the jar's manifest that holds {@code type}, or {@code development} outside a jar. */
    public static String codeVersionOf(Class<?> type) {
        String v = type.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }
}
