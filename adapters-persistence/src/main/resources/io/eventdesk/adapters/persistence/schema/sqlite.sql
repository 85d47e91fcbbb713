-- The journal's schema, SQLite. Applied by JournalSchema; every statement is idempotent. Statements end with ';' at
-- a line's end. Layout and digest: docs/journal.md and docs/adr/0014-journal-in-blocks.md.

-- The run registry: one row per run, written when the run starts and kept up to date at every commit.
CREATE TABLE IF NOT EXISTS journal_run (
    run_id         TEXT    NOT NULL PRIMARY KEY,
    name           TEXT    NOT NULL,
    kind           TEXT    NOT NULL,            -- backtest (service sessions later)
    status         TEXT    NOT NULL,            -- RUNNING, FINISHED, STOPPED, FAILED
    reason         TEXT,                        -- why it failed or stopped
    seed           INTEGER,
    config_digest  TEXT,                        -- SHA-256 of the config file's bytes
    code_version   TEXT,
    data_sources   TEXT,                        -- JSON: each data file with its size and modification time
    started_at     TEXT    NOT NULL,            -- wall clock, ISO-8601 UTC
    ended_at       TEXT,
    committed_at   TEXT,                        -- wall clock of the last commit
    host           TEXT,
    pid            INTEGER,
    last_sequence  INTEGER NOT NULL DEFAULT 0,  -- every sequence up to this one is committed
    stored_events  INTEGER NOT NULL DEFAULT 0,
    marks          INTEGER NOT NULL DEFAULT 0,
    market_events  INTEGER NOT NULL DEFAULT 0,
    market_first   TEXT,
    market_last    TEXT,
    market_digest  TEXT,                        -- SHA-256 over the market events, at the end
    digest         TEXT                         -- the journal digest, at the end
);

-- The journal itself: blocks of consecutive sequence numbers, each committed whole. A block holds its stored events
-- as a JSON array of [sequence, "Type", {payload}] (one per line), its marks packed (84 bytes each, layout below) and
-- counts its market events: the numbers of [first_sequence, last_sequence] that are neither.
-- Mark layout, big-endian: sequence (8), epoch second (8), nano (4), then cash, equity, gross exposure, net
-- exposure, realized PnL, unrealized PnL, fees, peak equity (8 each), in 10^-8 units of mark_currency.
CREATE TABLE IF NOT EXISTS journal_block (
    run_id          TEXT    NOT NULL,
    first_sequence  INTEGER NOT NULL,
    last_sequence   INTEGER NOT NULL,
    stored_events   INTEGER NOT NULL,
    marks           INTEGER NOT NULL,
    market_events   INTEGER NOT NULL,
    mark_currency   TEXT,
    events          TEXT    NOT NULL,
    mark_data       BLOB,
    PRIMARY KEY (run_id, first_sequence)
);

-- Every stored event, one row each, for reading with sqlite3: SELECT * FROM journal_events WHERE type = 'OrderFilled'.
CREATE VIEW IF NOT EXISTS journal_events AS
SELECT b.run_id                          AS run_id,
       json_extract(e.value, '$[0]')      AS sequence,
       json_extract(e.value, '$[2].time') AS time,
       json_extract(e.value, '$[1]')      AS type,
       json_extract(e.value, '$[2]')      AS payload
FROM journal_block b, json_each(b.events) e;
