package io.eventdesk.adapters.persistence;

import io.eventdesk.domain.event.PortfolioValued;
import java.nio.ByteBuffer;
import java.security.MessageDigest;

/**
 * One block of the journal being filled: consecutive sequence numbers from {@link #firstSequence()} to
 * {@link #lastSequence()}, its stored events as a JSON array of {@code [sequence,"Type",payload]} (one per line), its
 * marks packed {@value #MARK_BYTES} bytes each, and a count of its market events (the numbers that are neither). A
 * block is written and committed whole, so a store never holds a hole a reader could mistake for market events.
 */
final class EventBlock {
    static final int MARK_BYTES = 84;

    private final StringBuilder events = new StringBuilder(1 << 16);
    private ByteBuffer marks = ByteBuffer.allocate(MARK_BYTES * 1024);
    private long firstSequence;
    private long lastSequence;
    private int storedEvents;
    private int markCount;
    private int marketEvents;
    private String markCurrency;

    boolean isEmpty() {
        return firstSequence == 0;
    }

    /** The stored records (events and marks) in the block. */
    int records() {
        return storedEvents + markCount;
    }

    int textLength() {
        return events.length();
    }

    private void take(long sequence) {
        if (firstSequence == 0) {
            firstSequence = sequence;
        } else if (sequence != lastSequence + 1) {
            throw new IllegalStateException(
                    "the journal expected sequence " + (lastSequence + 1) + " but was given " + sequence);
        }
        lastSequence = sequence;
    }

    void addMarket(long sequence) {
        take(sequence);
        marketEvents++;
    }

    /** Adds a stored event; {@code payload} is its canonical JSON. */
    void addEvent(long sequence, String type, String payload) {
        take(sequence);
        events.append(storedEvents == 0 ? "[[" : ",\n[")
                .append(sequence)
                .append(",\"")
                .append(type)
                .append("\",")
                .append(payload)
                .append(']');
        storedEvents++;
    }

    /** Packs a mark and extends {@code digest} with its bytes. */
    void addMark(PortfolioValued v, MessageDigest digest) {
        take(v.sequence());
        String currency = v.currency().code();
        if (markCount == 0) {
            markCurrency = currency;
        } else if (!markCurrency.equals(currency)) {
            throw new IllegalStateException("marks in " + currency + " and " + markCurrency + " in one block");
        }
        if (marks.remaining() < MARK_BYTES) {
            ByteBuffer bigger = ByteBuffer.allocate(marks.capacity() * 2);
            marks.flip();
            bigger.put(marks);
            marks = bigger;
        }
        int start = marks.position();
        marks.putLong(v.sequence())
                .putLong(v.time().getEpochSecond())
                .putInt(v.time().getNano())
                .putLong(v.cashUnits())
                .putLong(v.equityUnits())
                .putLong(v.grossExposureUnits())
                .putLong(v.netExposureUnits())
                .putLong(v.realizedPnlUnits())
                .putLong(v.unrealizedPnlUnits())
                .putLong(v.feesUnits())
                .putLong(v.peakEquityUnits());
        digest.update(marks.array(), start, MARK_BYTES);
        markCount++;
    }

    long firstSequence() {
        return firstSequence;
    }

    long lastSequence() {
        return lastSequence;
    }

    int storedEvents() {
        return storedEvents;
    }

    int marks() {
        return markCount;
    }

    int marketEvents() {
        return marketEvents;
    }

    String markCurrency() {
        return markCurrency;
    }

    String eventsText() {
        return storedEvents == 0 ? "[]" : events + "]";
    }

    byte[] markBytes() {
        if (markCount == 0) {
            return null;
        }
        byte[] out = new byte[marks.position()];
        System.arraycopy(marks.array(), 0, out, 0, out.length);
        return out;
    }

    void clear() {
        events.setLength(0);
        marks.clear();
        firstSequence = 0;
        lastSequence = 0;
        storedEvents = 0;
        markCount = 0;
        marketEvents = 0;
        markCurrency = null;
    }
}
