package io.eventdesk.adapters.marketdata;

/** The kinds of problem a data file can have; the data-quality report counts each. */
public enum DataProblem {
    /** a row with the wrong number of fields */
    MALFORMED_ROW("malformed row"),
    /** a time that does not parse */
    BAD_TIME("unparseable time"),
    /** a number that does not parse, or is not finite */
    BAD_NUMBER("unparseable or non-finite number"),
    /** a price of zero or less */
    NON_POSITIVE_PRICE("non-positive price"),
    /** a price off the instrument's tick grid, beyond float noise */
    OFF_TICK_PRICE("price off the tick grid"),
    /** high below low, or open or close outside the range */
    INCONSISTENT_BAR("high/low inconsistent with open/close"),
    /** a negative size or volume */
    NEGATIVE_SIZE("negative size"),
    /** a bid above its ask */
    CROSSED_QUOTE("bid above ask"),
    /** the same record twice in a row */
    DUPLICATE("duplicate record"),
    /** a time before the previous one, or a bar overlapping the previous bar */
    OUT_OF_ORDER("out-of-order time"),
    /** a step between records longer than the expected one */
    GAP("gap longer than expected"),
    /** a bid bar without its ask bar, or the other way round */
    UNMATCHED_QUOTE_BAR("bid and ask bars do not match"),
    /** a record of the primary file replaced by the secondary's (failover) */
    SUBSTITUTED("filled from the secondary source");

    private final String label;

    DataProblem(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
