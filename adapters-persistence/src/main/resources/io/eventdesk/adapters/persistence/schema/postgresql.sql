-- The journal's schema, PostgreSQL. Applied by JournalSchema under an advisory lock; every statement is idempotent.
-- Statements end with ';' at a line's end. Layout and digest: docs/journal.md and docs/adr/0014-journal-in-blocks.md.

-- The run registry: one row per run, written when the run starts and kept up to date at every commit.
CREATE TABLE IF NOT EXISTS journal_run (
    run_id         TEXT        NOT NULL PRIMARY KEY,
    name           TEXT        NOT NULL,
    kind           TEXT        NOT NULL,
    status         TEXT        NOT NULL,
    reason         TEXT,
    seed           BIGINT,
    config_digest  TEXT,
    code_version   TEXT,
    data_sources   TEXT,
    started_at     TIMESTAMPTZ NOT NULL,
    ended_at       TIMESTAMPTZ,
    committed_at   TIMESTAMPTZ,
    host           TEXT,
    pid            BIGINT,
    last_sequence  BIGINT      NOT NULL DEFAULT 0,
    stored_events  BIGINT      NOT NULL DEFAULT 0,
    marks          BIGINT      NOT NULL DEFAULT 0,
    market_events  BIGINT      NOT NULL DEFAULT 0,
    market_first   TIMESTAMPTZ,
    market_last    TIMESTAMPTZ,
    market_digest  TEXT,
    digest         TEXT
);

-- Blocks of consecutive sequence numbers, each committed whole (see sqlite.sql for the layout).
CREATE TABLE IF NOT EXISTS journal_block (
    run_id          TEXT    NOT NULL,
    first_sequence  BIGINT  NOT NULL,
    last_sequence   BIGINT  NOT NULL,
    stored_events   INTEGER NOT NULL,
    marks           INTEGER NOT NULL,
    market_events   INTEGER NOT NULL,
    mark_currency   TEXT,
    events          TEXT    NOT NULL,
    mark_data       BYTEA,
    PRIMARY KEY (run_id, first_sequence)
);

-- Blocks are written once and read whole: compressed with lz4 where the server has it (PostgreSQL 14 and later),
-- which halves the time to store them; the default compression elsewhere.
DO $$ BEGIN ALTER TABLE journal_block ALTER COLUMN events SET COMPRESSION lz4; ALTER TABLE journal_block ALTER COLUMN mark_data SET COMPRESSION lz4; EXCEPTION WHEN others THEN NULL; END $$;

-- Every stored event, one row each, for reading with psql: SELECT * FROM journal_events WHERE type = 'OrderFilled'.
CREATE OR REPLACE VIEW journal_events AS
SELECT b.run_id                           AS run_id,
       (e.value ->> 0)::bigint            AS sequence,
       (e.value -> 2 ->> 'time')::timestamptz AS time,
       e.value ->> 1                      AS type,
       (e.value -> 2)::text               AS payload
FROM journal_block b, json_array_elements(b.events::json) AS e(value);
