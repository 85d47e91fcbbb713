package io.eventdesk.domain.instrument;

/** The identifier of an instrument, e.g. {@code BTC-PERP}, {@code SPX}, {@code 6EH4.XCME}. */
public record InstrumentId(String value) implements Comparable<InstrumentId> {
    public InstrumentId {
        if (value == null || value.isBlank() || !value.matches("[A-Za-z0-9._:/\\-]{1,64}")) {
            throw new IllegalArgumentException(
                    "instrument id must be 1-64 letters, digits or . _ : / -, got '" + value + "'");
        }
    }

    public static InstrumentId of(String value) {
        return new InstrumentId(value);
    }

    @Override
    public int compareTo(InstrumentId o) {
        return value.compareTo(o.value);
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof InstrumentId other && value.equals(other.value));
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
