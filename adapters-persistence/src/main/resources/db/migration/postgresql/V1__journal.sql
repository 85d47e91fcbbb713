-- One row per journaled event, in the run's sequence order; many runs share the table.
CREATE TABLE journal_event (
    run_id   TEXT        NOT NULL,
    sequence BIGINT      NOT NULL,
    time     TIMESTAMPTZ NOT NULL, -- simulated time
    type     TEXT        NOT NULL, -- the event's type, e.g. OrderFilled
    payload  JSONB       NOT NULL, -- the event as JSON
    PRIMARY KEY (run_id, sequence)
);
CREATE INDEX journal_event_type ON journal_event (run_id, type);
