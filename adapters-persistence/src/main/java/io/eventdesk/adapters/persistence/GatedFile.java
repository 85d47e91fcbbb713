package io.eventdesk.adapters.persistence;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * A run file that never runs ahead of the journal: text is held in memory, tagged with the sequence number of the
 * event it was written for ({@code sequence}), and reaches the file only once the journal has made that event durable
 * ({@link #release}). It is written in whole lines, {@value #WRITE_AT} characters or more at a time, so a crash leaves
 * a file that ends with a complete line and shows no event the journal lost. What was never released is dropped at
 * {@link #close}.
 */
final class GatedFile extends Writer {
    static final int WRITE_AT = 1 << 16;

    private final Path path;
    private final OutputStream out;
    private final LongSupplier sequence;
    private final StringBuilder pending = new StringBuilder(WRITE_AT * 2);
    /** where each tagged segment of {@code pending} ends, and its sequence number; segments ascend */
    private long[] segmentSequence = new long[64];

    private int[] segmentEnd = new int[64];
    private int segments;
    private long released = -1;
    private boolean closed;

    /** A gated file; {@code sequence} null for a file with no journal to wait for (written as it goes). */
    GatedFile(Path path, LongSupplier sequence) throws IOException {
        this.path = path;
        this.out = Files.newOutputStream(path);
        this.sequence = sequence == null ? () -> 0 : sequence;
        if (sequence == null) {
            released = Long.MAX_VALUE;
        }
    }

    Path path() {
        return path;
    }

    /** Writes {@code header} to the file at once: a line that depends on no event (a CSV header). */
    void header(String header) throws IOException {
        if (pending.length() > 0) {
            throw new IllegalStateException("a header goes before anything else in " + path);
        }
        out.write(header.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void write(String s) throws IOException {
        tag();
        pending.append(s);
        if (released == Long.MAX_VALUE && pending.length() >= WRITE_AT) {
            writeReleased();
        }
    }

    @Override
    public void write(int c) {
        tag();
        pending.append((char) c);
    }

    @Override
    public void write(char[] buffer, int offset, int length) {
        tag();
        pending.append(buffer, offset, length);
    }

    @Override
    public Writer append(CharSequence s) {
        tag();
        pending.append(s);
        return this;
    }

    private void tag() {
        long seq = sequence.getAsLong();
        if (segments > 0 && segmentSequence[segments - 1] == seq) {
            return;
        }
        if (segments > 0) {
            segmentEnd[segments - 1] = pending.length();
        }
        if (segments == segmentSequence.length) {
            segmentSequence = Arrays.copyOf(segmentSequence, segments * 2);
            segmentEnd = Arrays.copyOf(segmentEnd, segments * 2);
        }
        segmentSequence[segments] = seq;
        segmentEnd[segments] = Integer.MAX_VALUE; // open: ends where pending ends
        segments++;
    }

    /** Every event up to {@code durable} is in the journal: what was written for them may reach the file. */
    void release(long durable) throws IOException {
        released = Math.max(released, durable);
        if (releasable() >= WRITE_AT) {
            writeReleased();
        }
    }

    private int releasable() {
        int end = 0;
        for (int i = 0; i < segments && segmentSequence[i] <= released; i++) {
            end = Math.min(segmentEnd[i], pending.length());
        }
        return end;
    }

    private void writeReleased() throws IOException {
        int end = releasable();
        if (end == 0) {
            return;
        }
        int kept = 0;
        while (kept < segments && segmentSequence[kept] <= released) {
            kept++;
        }
        out.write(pending.substring(0, end).getBytes(StandardCharsets.UTF_8));
        out.flush();
        pending.delete(0, end);
        int left = segments - kept;
        System.arraycopy(segmentSequence, kept, segmentSequence, 0, left);
        System.arraycopy(segmentEnd, kept, segmentEnd, 0, left);
        segments = left;
        for (int i = 0; i < segments; i++) {
            if (segmentEnd[i] != Integer.MAX_VALUE) {
                segmentEnd[i] -= end;
            }
        }
    }

    /** Writes everything released so far. */
    @Override
    public void flush() throws IOException {
        writeReleased();
    }

    /** Writes what was released and closes the file; text for events the journal never made durable is dropped. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            writeReleased();
        } finally {
            out.close();
        }
    }
}
