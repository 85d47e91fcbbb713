-- Market data is referenced by digest, not copied: one row per run with the count, time span and a SHA-256 over
-- the bars as the engine saw them (see EventJournals for the encoding).
CREATE TABLE journal_market_data (
    run_id     TEXT    NOT NULL PRIMARY KEY,
    events     INTEGER NOT NULL,
    first_time TEXT,
    last_time  TEXT,
    digest     TEXT    NOT NULL
);
