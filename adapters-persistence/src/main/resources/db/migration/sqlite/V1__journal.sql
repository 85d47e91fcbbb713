-- One row per journaled event, in the run's sequence order. Clustered on its key (WITHOUT ROWID): one B-tree to
-- write per event; query by type with a scan (a run file holds one run).
CREATE TABLE journal_event (
    run_id   TEXT    NOT NULL,
    sequence INTEGER NOT NULL,
    time     TEXT    NOT NULL, -- ISO-8601 UTC, simulated time
    type     TEXT    NOT NULL, -- the event's type, e.g. OrderFilled
    payload  TEXT    NOT NULL, -- the event as canonical JSON
    PRIMARY KEY (run_id, sequence)
) WITHOUT ROWID;
