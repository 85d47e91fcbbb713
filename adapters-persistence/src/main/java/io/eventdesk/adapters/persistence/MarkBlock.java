package io.eventdesk.adapters.persistence;

import io.eventdesk.domain.event.PortfolioValued;
import java.nio.ByteBuffer;
import java.security.MessageDigest;

/**
 * Packs {@link PortfolioValued} marks, {@value #BYTES} bytes each, into blocks of up to {@value #CAPACITY} (layout in
 * the {@code V3__marks.sql} migration). Each mark's bytes also extend the journal digest, so the digest does not
 * depend on where blocks are cut.
 */
final class MarkBlock {
    static final int BYTES = 84;
    static final int CAPACITY = 4096;

    private final ByteBuffer buffer = ByteBuffer.allocate(BYTES * CAPACITY);
    private long firstSequence;
    private String currency;
    private int marks;

    /** Adds a mark; true when the block is full. */
    boolean add(PortfolioValued v, MessageDigest digest) {
        if (marks == 0) {
            firstSequence = v.sequence();
            currency = v.currency().code();
        } else if (!currency.equals(v.currency().code())) {
            throw new IllegalStateException("marks in " + v.currency() + " and " + currency + " in one block");
        }
        int start = buffer.position();
        buffer.putLong(v.sequence())
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
        digest.update(buffer.array(), start, BYTES);
        marks++;
        return marks == CAPACITY;
    }

    boolean isEmpty() {
        return marks == 0;
    }

    long firstSequence() {
        return firstSequence;
    }

    int marks() {
        return marks;
    }

    String currency() {
        return currency;
    }

    /** The packed bytes, and the block emptied. */
    byte[] drain() {
        byte[] data = new byte[buffer.position()];
        buffer.flip();
        buffer.get(data);
        buffer.clear();
        marks = 0;
        return data;
    }
}
