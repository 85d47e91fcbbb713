package io.eventdesk.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventdesk.adapters.persistence.EventJournals;
import io.eventdesk.bootstrap.wiring.BacktestRunner;
import io.eventdesk.domain.error.BadInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What the commands that read a finished run find in its folder: the journal, the summary, the config it names. */
final class RunFolderFiles {
    private RunFolderFiles() {}

    /** The JDBC URL of the folder's embedded journal; an error when there is none. */
    static String journalUrl(Path folder) {
        Path journal = folder.resolve(BacktestRunner.JOURNAL_FILE);
        if (!Files.isRegularFile(journal)) {
            throw new BadInputException(journal.toString(), 0, null, "no journal here");
        }
        return "jdbc:sqlite:" + journal.toAbsolutePath();
    }

    /** The run the folder's journal holds (the newest, should it hold more); an error when it holds none. */
    static String runId(Path folder, String journalUrl) {
        List<String> ids = EventJournals.runIds(journalUrl);
        if (ids.isEmpty()) {
            throw new BadInputException(
                    folder.resolve(BacktestRunner.JOURNAL_FILE).toString(), 0, null, "the journal holds no run");
        }
        return ids.get(ids.size() - 1);
    }

    /** The id of the run the folder holds in a shared store, from its {@code status.json}; an error when none. */
    static String sharedRunId(Path folder) {
        Path file = folder.resolve("status.json");
        try {
            JsonNode status = Files.isRegularFile(file) ? new ObjectMapper().readTree(file.toFile()) : null;
            if (status == null || !status.hasNonNull("journal_run_id")) {
                throw new BadInputException(file.toString(), 0, "journal_run_id", "the folder names no run of a store");
            }
            return status.get("journal_run_id").asText();
        } catch (IOException e) {
            throw new BadInputException(file.toString(), 0, null, "not valid JSON");
        }
    }

    /** The folder's summary.json; an error when the run did not finish (and so wrote none). */
    static JsonNode summary(Path folder) {
        Path file = folder.resolve("summary.json");
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file.toString(), 0, null, "no finished run here (no summary.json)");
        }
        try {
            return new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new BadInputException(file.toString(), 0, null, "not valid JSON");
        }
    }

    /** {@code explicit} when given, else the config the summary names; an error when neither says. */
    static Path config(Path folder, JsonNode summary, Path explicit) {
        if (explicit != null) {
            return explicit;
        }
        if (summary == null || !summary.hasNonNull("config")) {
            throw new BadInputException(
                    folder.resolve("summary.json").toString(),
                    0,
                    "config",
                    "the run does not name its config: give --config FILE");
        }
        return Path.of(summary.get("config").asText());
    }

    /** The summary when the run finished, else null. */
    static JsonNode summaryIfAny(Path folder) {
        Path file = folder.resolve("summary.json");
        try {
            return Files.isRegularFile(file) ? new ObjectMapper().readTree(file.toFile()) : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The market data a run of {@code cfg} in {@code folder} read: the config's files, or for a live session the
     * pieces its run folder recorded in the order it took them.
     */
    static io.eventdesk.domain.port.MarketDataFeedPort marketData(
            io.eventdesk.bootstrap.config.BacktestConfig cfg, Path folder) {
        if (cfg.liveFeeds().isEmpty()) {
            return io.eventdesk.adapters.marketdata.MarketDataFeeds.open(
                    cfg.data(), new io.eventdesk.adapters.marketdata.DataQualityReport());
        }
        if (folder == null) {
            throw new io.eventdesk.domain.error.BadInputException(
                    cfg.file().toString(),
                    0,
                    cfg.liveFeeds().get(0).key() + ".source",
                    "a live session's market data is read from its run folder: give the run folder");
        }
        Path arrivals = io.eventdesk.bootstrap.wiring.ServiceRunner.arrivals(folder);
        if (!java.nio.file.Files.isRegularFile(arrivals)) {
            throw new io.eventdesk.domain.error.BadInputException(
                    folder.toString(),
                    0,
                    null,
                    "a live session's market data is read from its run folder, and " + arrivals + " is missing");
        }
        return io.eventdesk.adapters.marketdata.MarketDataFeeds.arrivals(arrivals, -1);
    }
}
