package io.eventdesk.bootstrap.config;

/** Reads {@code journal}: the JDBC URL of a shared store, or null for the run folder's embedded one. */
final class JournalConfigReader {
    private JournalConfigReader() {}

    static String read(ConfigNode root) {
        String journalUrl = null;
        if (!root.isMissing()) {
            ConfigNode journal = root.object("url");
            journalUrl = journal.get("url").text();
            if (!journalUrl.startsWith("jdbc:sqlite:") && !journalUrl.startsWith("jdbc:postgresql:")) {
                throw journal.get("url")
                        .error("expected jdbc:sqlite:<file> or jdbc:postgresql://host:port/db, got '" + journalUrl
                                + "'");
            }
        }
        return journalUrl;
    }
}
