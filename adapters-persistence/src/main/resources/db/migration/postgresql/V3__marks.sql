-- The portfolio's figures after every market event (PortfolioValued), packed: one row per block of up to 4096
-- marks, in sequence order. Each mark is 84 bytes, big-endian: sequence (8), time as epoch second (8) and nano (4),
-- then cash, equity, gross exposure, net exposure, realized PnL, unrealized PnL, fees, peak equity (8 each), all in
-- 10^-8 units of the block's currency. equity.csv in the run folder holds the same figures as text.
CREATE TABLE journal_mark_block (
    run_id         TEXT    NOT NULL,
    first_sequence BIGINT  NOT NULL,
    marks          BIGINT  NOT NULL,
    currency       TEXT    NOT NULL,
    data           BYTEA   NOT NULL,
    PRIMARY KEY (run_id, first_sequence)
);
