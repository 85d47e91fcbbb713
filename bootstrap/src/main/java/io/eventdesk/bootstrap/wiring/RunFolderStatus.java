package io.eventdesk.bootstrap.wiring;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventdesk.adapters.persistence.RunArtifacts;
import io.eventdesk.domain.error.BadInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run folder describes exactly one run and says whether it finished. Before a run starts writing, every file an
 * earlier run left there is removed; {@value #STATUS} says {@code RUNNING} while it runs, {@code FINISHED} at its
 * end, or {@code FAILED} with the reason, next to whatever was journaled (which is kept). A folder still saying
 * {@code RUNNING} when no run is going was interrupted (killed): its journal holds what was committed. A run the user
 * stopped (Ctrl-C, SIGTERM) says {@code STOPPED}.
 */
final class RunFolderStatus {
    static final String STATUS = "status.json";

    /** Every file a run writes into its folder. */
    private static final List<String> RUN_FILES = List.of(
            RunArtifacts.SUMMARY,
            RunArtifacts.FILLS,
            RunArtifacts.ORDERS,
            RunArtifacts.DECISIONS,
            RunArtifacts.EQUITY,
            RunArtifacts.TRADES,
            RunArtifacts.STATISTICS,
            RunArtifacts.REPORT,
            BacktestRunner.DATA_QUALITY_FILE,
            BacktestRunner.JOURNAL_FILE,
            BacktestRunner.JOURNAL_FILE + "-wal",
            BacktestRunner.JOURNAL_FILE + "-shm",
            STATUS);

    private final Path folder;
    private final String run;
    private final Instant started = Instant.now();
    /** the run's id in a shared journal: its name, its folder and when it started, so no two runs share one */
    private final String runId;

    private RunFolderStatus(Path folder, String run) {
        this.folder = folder;
        this.run = run;
        this.runId = run + "@" + folder.toAbsolutePath().normalize() + "@" + started;
    }

    /** The run's id in a shared journal (named in status.json). */
    String runId() {
        return runId;
    }

    /** Empties {@code folder} of an earlier run's files (creating it if needed) and marks the new run RUNNING. */
    static RunFolderStatus begin(Path folder, String run) {
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new BadInputException(folder.toString(), 0, null, "the run folder is a file, not a folder");
        }
        try {
            Files.createDirectories(folder);
            for (String name : RUN_FILES) {
                Files.deleteIfExists(folder.resolve(name));
            }
        } catch (IOException e) {
            throw new BadInputException(folder.toString(), 0, null, "cannot prepare the run folder: " + describe(e));
        }
        RunFolderStatus status = new RunFolderStatus(folder, run);
        status.write("RUNNING", null);
        return status;
    }

    void finished() {
        write("FINISHED", null);
    }

    void stopped(Throwable cause) {
        write("STOPPED", cause.getMessage());
    }

    void failed(Throwable cause) {
        write("FAILED", cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
    }

    private void write(String state, String reason) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("run", run);
        s.put("status", state);
        s.put("journal_run_id", runId);
        s.put("pid", ProcessHandle.current().pid());
        s.put("started", started.toString());
        if (!state.equals("RUNNING")) {
            s.put("ended", Instant.now().toString());
        }
        if (reason != null) {
            s.put("reason", reason);
        }
        try {
            new ObjectMapper()
                    .writerWithDefaultPrettyPrinter()
                    .writeValue(folder.resolve(STATUS).toFile(), s);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + folder.resolve(STATUS), e);
        }
    }

    private static String describe(IOException e) {
        return e.getClass()
                        .getSimpleName()
                        .replace("Exception", "")
                        .replaceAll("([a-z])([A-Z])", "$1 $2")
                        .toLowerCase()
                + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")");
    }
}
