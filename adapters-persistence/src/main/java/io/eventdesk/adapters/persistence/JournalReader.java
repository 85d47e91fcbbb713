package io.eventdesk.adapters.persistence;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * Reads a run back from a journal store: its stored items in sequence order (event rows and unpacked marks), and
 * the journal digest recomputed from them, which must equal the digest the run reported.
 */
final class JournalReader {
    /**
     * One stored item: an event row ({@code payload} set) or a packed mark ({@code mark} set, with its block's
     * currency as {@code payload}).
     */
    record Stored(long sequence, String type, String payload, byte[] mark) {}

    private final Jdbi jdbi;
    private final String runId;

    JournalReader(String jdbcUrl, String runId) {
        this.jdbi = Jdbi.create(jdbcUrl);
        this.runId = runId;
    }

    List<Stored> items() {
        List<Stored> items = new ArrayList<>();
        jdbi.useHandle(h -> {
            h.createQuery("SELECT sequence, type, payload FROM journal_event WHERE run_id = :r")
                    .bind("r", runId)
                    .map((rs, ctx) -> new Stored(rs.getLong(1), rs.getString(2), rs.getString(3), null))
                    .forEach(items::add);
            h.createQuery("SELECT data, currency FROM journal_mark_block WHERE run_id = :r")
                    .bind("r", runId)
                    .map((rs, ctx) -> new Object[] {rs.getBytes(1), rs.getString(2)})
                    .forEach(row -> {
                        byte[] block = (byte[]) row[0];
                        String currency = (String) row[1];
                        ByteBuffer b = ByteBuffer.wrap(block);
                        for (int at = 0; at < block.length; at += MarkBlock.BYTES) {
                            byte[] mark = new byte[MarkBlock.BYTES];
                            System.arraycopy(block, at, mark, 0, MarkBlock.BYTES);
                            items.add(new Stored(b.getLong(at), "PortfolioValued", currency, mark));
                        }
                    });
        });
        items.sort(Comparator.comparingLong(Stored::sequence));
        return items;
    }

    List<Long> sequences() {
        return items().stream().map(Stored::sequence).toList();
    }

    /** The journal digest recomputed from what is stored. */
    String digest() {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (Stored s : items()) {
            if (s.mark() != null) {
                sha.update(s.mark());
            } else {
                sha.update((s.type() + "\t" + s.payload() + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        List<Map<String, Object>> market =
                jdbi.withHandle(h -> h.createQuery("SELECT events, digest FROM journal_market_data WHERE run_id = :r")
                        .bind("r", runId)
                        .mapToMap()
                        .list());
        for (Map<String, Object> m : market) {
            sha.update(
                    ("MarketData\t" + m.get("events") + " " + m.get("digest") + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
