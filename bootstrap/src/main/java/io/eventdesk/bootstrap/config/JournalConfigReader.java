package io.eventdesk.bootstrap.config;

import io.eventdesk.adapters.persistence.EventJournals;

/**
 * Reads {@code journal}: {@code url}, the JDBC URL of a shared store (absent: the run folder's embedded one), and
 * {@code block-records}, the stored records per committed block.
 */
final class JournalConfigReader {
    static final int MAX_BLOCK_RECORDS = 1_000_000;

    private JournalConfigReader() {}

    static JournalSettings read(ConfigNode root) {
        if (root.isMissing()) {
            return new JournalSettings(null, EventJournals.DEFAULT_BLOCK_RECORDS);
        }
        ConfigNode journal = root.object("url", "block-records");
        String journalUrl = null;
        if (!journal.get("url").isMissing()) {
            journalUrl = journal.get("url").text();
            if (!journalUrl.startsWith("jdbc:sqlite:") && !journalUrl.startsWith("jdbc:postgresql:")) {
                throw journal.get("url")
                        .error("expected jdbc:sqlite:<file> or jdbc:postgresql://host:port/db, got '" + journalUrl
                                + "'");
            }
        }
        ConfigNode block = journal.get("block-records");
        long records = block.integer(EventJournals.DEFAULT_BLOCK_RECORDS);
        if (records < 1 || records > MAX_BLOCK_RECORDS) {
            throw block.error("expected a whole number from 1 to " + MAX_BLOCK_RECORDS + ", got " + records);
        }
        return new JournalSettings(journalUrl, (int) records);
    }
}
