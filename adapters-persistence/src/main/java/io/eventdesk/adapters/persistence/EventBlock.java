package io.eventdesk.adapters.persistence;

import io.eventdesk.domain.event.Event;
import io.eventdesk.domain.event.PortfolioValued;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * One block of the journal being filled: consecutive sequence numbers from {@link #firstSequence()} to
 * {@link #lastSequence()}, its stored events as a JSON array of {@code [sequence,"Type",payload]} (one per line), its
 * marks packed {@value #MARK_BYTES} bytes each, and a count of its market events (the numbers that are neither). A
 * block is written and committed whole, so a store never holds a hole a reader could mistake for market events.
 */
final class EventBlock {
    static final int MARK_BYTES = 84;

    private final StringBuilder events = new StringBuilder(1 << 20);
    private byte[] utf8 = new byte[1 << 12];
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

    /**
     * Adds a stored event, its canonical JSON written in place ({@code fast}, or {@link EventJson} for the types it
     * does not know), and extends {@code digest} with {@code type TAB payload LF}.
     */
    void addEvent(Event event, String type, FastEventJson fast, MessageDigest digest) {
        take(event.sequence());
        events.append(storedEvents == 0 ? "[[" : ",\n[")
                .append(event.sequence())
                .append(",\"")
                .append(type)
                .append("\",");
        int start = events.length();
        if (!fast.appendTo(event, events)) {
            events.append(EventJson.write(event));
        }
        int end = events.length();
        events.append(']');
        storedEvents++;
        digest.update(type.getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) '\t');
        digestUtf8(digest, start, end);
        digest.update((byte) '\n');
    }

    /** Extends {@code digest} with the UTF-8 bytes of {@code events[start, end)}, without a String in between. */
    private void digestUtf8(MessageDigest digest, int start, int end) {
        int n = end - start;
        if (utf8.length < n) {
            utf8 = new byte[Math.max(n, utf8.length * 2)];
        }
        for (int i = 0; i < n; i++) {
            char c = events.charAt(start + i);
            if (c >= 0x80) { // not ASCII: the JDK's encoder
                digest.update(utf8, 0, i);
                digest.update(events.substring(start + i, end).getBytes(StandardCharsets.UTF_8));
                return;
            }
            utf8[i] = (byte) c;
        }
        digest.update(utf8, 0, n);
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
        if (storedEvents == 0) {
            return "[]";
        }
        events.append(']');
        String text = events.toString();
        events.setLength(events.length() - 1);
        return text;
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
