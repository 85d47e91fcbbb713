package io.eventdesk.adapters.persistence;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;

/**
 * Reads a run back from a journal store, block by block in sequence order, so memory holds one block whatever the
 * run's length: each stored event, each mark and each market event's place, and the journal digest recomputed from
 * the stored bytes. A block that does not start where the one before ended is reported: the store has a hole.
 */
final class JournalReader {
    /** What {@link #read} calls, in sequence order. */
    interface Visitor {
        default void event(long sequence, String type, String payload) {}

        /** A mark: its 84 bytes (layout in {@link EventBlock}) and the currency of its figures. */
        default void mark(long sequence, String currency, byte[] mark, int offset) {}

        default void market(long sequence) {}

        /** A block of the store was found not to follow the one before it. */
        default void hole(long expectedFirst, long actualFirst) {}
    }

    private final String jdbcUrl;
    private final String runId;

    JournalReader(String jdbcUrl, String runId) {
        this.jdbcUrl = jdbcUrl;
        this.runId = runId;
    }

    /** Streams the run to {@code visitor}; returns the last sequence number read (0 for none). */
    long read(Visitor visitor) {
        return read(0, visitor);
    }

    /**
     * Streams the blocks holding sequence numbers above {@code after} to {@code visitor} (the first of them may begin
     * at or below it: the visitor skips what it has seen); returns the last sequence number read.
     */
    long read(long after, Visitor visitor) {
        try (Connection c = JournalDialect.open(jdbcUrl)) {
            c.setAutoCommit(false); // PostgreSQL streams a result with a fetch size only inside a transaction
            try (PreparedStatement s = c.prepareStatement("SELECT first_sequence, last_sequence, mark_currency, events,"
                    + " mark_data FROM journal_block WHERE run_id = ? AND last_sequence > ? ORDER BY first_sequence")) {
                s.setFetchSize(8);
                s.setString(1, runId);
                s.setLong(2, after);
                long expected = -1;
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        long first = rs.getLong(1);
                        long last = rs.getLong(2);
                        if (expected < 0) {
                            expected = after == 0 ? 1 : first; // reading from the middle: the first block found
                        }
                        if (first != expected) {
                            visitor.hole(expected, first);
                        }
                        block(first, last, rs.getString(3), rs.getString(4), rs.getBytes(5), visitor);
                        expected = last + 1;
                    }
                }
                c.rollback();
                return expected < 0 ? after : expected - 1;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the journal of run '" + runId + "': " + e.getMessage(), e);
        }
    }

    private static void block(long first, long last, String currency, String events, byte[] marks, Visitor v) {
        int at = events.startsWith("[[") ? 1 : events.length();
        long nextEvent = Long.MAX_VALUE;
        int markAt = 0;
        int markLength = marks == null ? 0 : marks.length;
        ByteBuffer m = marks == null ? null : ByteBuffer.wrap(marks);
        long nextMark = markLength > 0 ? m.getLong(0) : Long.MAX_VALUE;
        // each element is [sequence,"Type",{payload}] on a line of its own, followed by ",\n" or the closing "]"
        int end = -1;
        if (at < events.length()) {
            end = lineEnd(events, at);
            nextEvent = Long.parseLong(events, at + 1, events.indexOf(',', at), 10);
        }
        for (long seq = first; seq <= last; seq++) {
            if (seq == nextEvent) {
                int typeStart = events.indexOf('"', at) + 1;
                int typeEnd = events.indexOf('"', typeStart);
                v.event(seq, events.substring(typeStart, typeEnd), events.substring(typeEnd + 2, end - 1));
                at = end + 2;
                if (at < events.length()) {
                    end = lineEnd(events, at);
                    nextEvent = Long.parseLong(events, at + 1, events.indexOf(',', at), 10);
                } else {
                    nextEvent = Long.MAX_VALUE;
                }
            } else if (seq == nextMark) {
                v.mark(seq, currency, marks, markAt);
                markAt += EventBlock.MARK_BYTES;
                nextMark = markAt < markLength ? m.getLong(markAt) : Long.MAX_VALUE;
            } else {
                v.market(seq);
            }
        }
    }

    /** Where the element starting at {@code at} ends: at its line's end, or before the array's closing bracket. */
    private static int lineEnd(String events, int at) {
        int nl = events.indexOf(",\n[", at);
        return nl < 0 ? events.length() - 1 : nl;
    }

    /** The sequence numbers of the stored events and marks, in order (for small runs: it holds them all). */
    java.util.List<Long> sequences() {
        java.util.List<Long> out = new java.util.ArrayList<>();
        read(new Visitor() {
            @Override
            public void event(long sequence, String type, String payload) {
                out.add(sequence);
            }

            @Override
            public void mark(long sequence, String currency, byte[] mark, int offset) {
                out.add(sequence);
            }
        });
        return out;
    }

    /** The journal digest recomputed from the store, with the market data digest its registry recorded. */
    String digest() {
        io.eventdesk.domain.run.RunRecord run = EventJournals.run(jdbcUrl, runId);
        return recompute(EventJournals.marketDigest(jdbcUrl, runId), run == null ? 0 : run.marketEvents())
                .digest();
    }

    /** The journal digest recomputed from what is stored, and how far the store reaches. */
    Recomputed recompute(String marketDigest, long marketEvents) {
        MessageDigest sha = sha256();
        long[] counts = new long[3]; // stored events, marks, market events
        long[] holes = {0};
        long last = read(new Visitor() {
            @Override
            public void event(long sequence, String type, String payload) {
                sha.update((type + "\t" + payload + "\n").getBytes(StandardCharsets.UTF_8));
                counts[0]++;
            }

            @Override
            public void mark(long sequence, String currency, byte[] mark, int offset) {
                sha.update(mark, offset, EventBlock.MARK_BYTES);
                counts[1]++;
            }

            @Override
            public void market(long sequence) {
                counts[2]++;
            }

            @Override
            public void hole(long expectedFirst, long actualFirst) {
                if (holes[0] == 0) {
                    holes[0] = expectedFirst;
                }
            }
        });
        if (marketDigest != null && marketEvents > 0) {
            sha.update(("MarketData\t" + marketEvents + " " + marketDigest + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return new Recomputed(HexFormat.of().formatHex(sha.digest()), last, counts[0], counts[1], counts[2], holes[0]);
    }

    /**
     * @param firstHole the first sequence number missing below a later block, 0 when the blocks are contiguous
     */
    record Recomputed(
            String digest, long lastSequence, long storedEvents, long marks, long marketEvents, long firstHole) {}

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
