package io.eventdesk.bootstrap.config;

import io.eventdesk.adapters.persistence.EventJournals;
import io.eventdesk.adapters.persistence.JournalDurability;

/**
 * Reads {@code journal}: {@code url}, the JDBC URL of a shared store (absent: the run folder's embedded one), and
 * {@code block-records}, the stored records per committed block, and {@code durability} ({@code process} or
 * {@code machine}), what a commit survives; or {@code class} and {@code params}, a journal of the user's own.
 */
final class JournalConfigReader {
    static final int MAX_BLOCK_RECORDS = 1_000_000;

    private JournalConfigReader() {}

    static JournalSettings read(ConfigNode root) {
        if (root.isMissing()) {
            return new JournalSettings(null, EventJournals.DEFAULT_BLOCK_RECORDS, JournalDurability.PROCESS, null);
        }
        ConfigNode journal = root.object("url", "block-records", "durability", "class", "params");
        PluginSpec plugin = null;
        if (!journal.get("class").isMissing()) {
            plugin = ConfigLoader.plugin(journal, "journal");
            for (String key : new String[] {"url", "block-records", "durability"}) {
                if (!journal.get(key).isMissing()) {
                    throw journal.get(key)
                            .error("configures eventdesk's own journal, and journal.class names another: give your"
                                    + " journal's settings in journal.params");
                }
            }
        } else if (!journal.get("params").isMissing()) {
            throw journal.get("params").error("journal.params are the settings of journal.class, which is not given");
        }
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
        JournalDurability durability = JournalDurability.PROCESS;
        ConfigNode d = journal.get("durability");
        if (!d.isMissing()) {
            durability = switch (d.text()) {
                case "process" -> JournalDurability.PROCESS;
                case "machine" -> JournalDurability.MACHINE;
                default -> throw d.error("expected process or machine, got '" + d.text() + "'");
            };
        }
        return new JournalSettings(journalUrl, (int) records, durability, plugin);
    }
}
