package io.eventdesk.adapters.persistence;

/**
 * What a committed block survives. Either way a crash leaves a contiguous prefix of the run, up to the last commit.
 */
public enum JournalDurability {
    /**
     * The journal's process crashing (SIGKILL, an out-of-memory kill, a bug): commits are handed to the operating
     * system, not forced to disk. A power cut or an operating-system crash may lose recent commits (on SQLite it may
     * damage the file). The default for backtests, which can always be run again: forcing every block to disk costs
     * about half the journal's speed on this project's machine.
     */
    PROCESS,
    /**
     * The machine crashing as well: SQLite syncs its write-ahead log at every checkpoint ({@code synchronous=NORMAL},
     * which never damages the file), PostgreSQL flushes its log at every commit ({@code synchronous_commit=on}).
     */
    MACHINE
}
