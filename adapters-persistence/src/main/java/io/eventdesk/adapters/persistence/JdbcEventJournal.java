package io.eventdesk.adapters.persistence;

import io.eventdesk.domain.event.Event;
import io.eventdesk.domain.event.MarketEvent;
import io.eventdesk.domain.event.PortfolioValued;
import io.eventdesk.domain.port.EventJournalPort;
import io.eventdesk.domain.port.JournalReceipt;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event journal over JDBC (SQLite or PostgreSQL).
 *
 * <p>The engine thread only collects events into chunks of {@value #CHUNK} and hands full chunks to a bounded
 * queue (it blocks when the writer is far behind, never drops). One writer thread serializes the events, extends
 * the digest and inserts them, one transaction per batch. {@link #flush}, {@link #finish} and {@link #close} hand
 * over the last chunk and wait for the writer.
 *
 * <p>Market data is referenced by digest, not copied: market events are folded into a SHA-256 over their values
 * ({@link MarketDataDigest}) and counted; one row of {@code journal_market_data} records them when the journal
 * closes. The portfolio's marks ({@link PortfolioValued}, one per market event) are packed into blocks
 * ({@link MarkBlock}). The journal digest covers the stored rows, the marks' bytes and the market data digest, in
 * sequence order.
 */
final class JdbcEventJournal implements EventJournalPort {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcEventJournal.class);
    private static final int CHUNK = 256;
    private static final int QUEUE_CHUNKS = 256;
    private static final int BATCH_EVENTS = 8192;

    private final String runId;
    private final JournalDialect dialect;
    private final Handle handle;
    private final Connection connection;
    private final PreparedStatement insert;
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUE_CHUNKS);
    private final Thread writer;
    private final MessageDigest digest;
    private final MarketDataDigest marketData = new MarketDataDigest();
    private final MarkBlock marks = new MarkBlock();
    private final PreparedStatement insertMarks;
    private volatile Throwable failure;
    private Event[] chunk = new Event[CHUNK];
    private int chunkSize;
    private long written;
    private JournalReceipt receipt;
    private boolean closed;

    JdbcEventJournal(String jdbcUrl, String runId) {
        this.runId = runId;
        this.dialect = JournalDialect.of(jdbcUrl);
        String url = dialect.tune(jdbcUrl);
        Flyway.configure()
                .dataSource(url, null, null)
                .locations(dialect.migrations)
                .loggers("slf4j")
                .load()
                .migrate();
        this.handle = Jdbi.create(url).open();
        try {
            if (dialect == JournalDialect.SQLITE) {
                handle.execute("PRAGMA journal_mode=WAL");
                handle.execute("PRAGMA synchronous=NORMAL");
            }
            this.connection = handle.getConnection();
            this.connection.setAutoCommit(false);
            this.insert = connection.prepareStatement(dialect.insert);
            this.insertMarks = connection.prepareStatement(dialect.insertMarks);
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (SQLException | NoSuchAlgorithmException e) {
            handle.close();
            throw new IllegalStateException("cannot open the journal at " + jdbcUrl + ": " + e.getMessage(), e);
        }
        this.writer = new Thread(this::writeLoop, "eventdesk-journal-writer");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    @Override
    public void append(Event event) {
        if (closed) {
            throw new IllegalStateException("the journal is closed");
        }
        chunk[chunkSize++] = event;
        if (chunkSize == CHUNK) {
            handOver();
        }
    }

    private void handOver() {
        if (chunkSize == 0) {
            return;
        }
        checkHealthy();
        Event[] full = chunk;
        int size = chunkSize;
        chunk = new Event[CHUNK];
        chunkSize = 0;
        put(size == CHUNK ? full : java.util.Arrays.copyOf(full, size));
    }

    @Override
    public void flush() {
        handOver();
        Barrier barrier = new Barrier(false);
        put(barrier);
        barrier.await();
        checkHealthy();
    }

    @Override
    public JournalReceipt finish() {
        close();
        checkHealthy();
        return receipt;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        try {
            handOver();
        } catch (RuntimeException e) {
            LOG.warn("journal writer had failed before close: {}", e.getMessage());
        }
        closed = true;
        Barrier last = new Barrier(true);
        put(last);
        last.await();
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        receipt = new JournalReceipt(written, HexFormat.of().formatHex(digest.digest()));
        try {
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            LOG.warn("could not end the journal's transaction mode: {}", e.getMessage());
        }
        handle.close();
    }

    private void put(Object item) {
        try {
            queue.put(item);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while journaling", e);
        }
    }

    private void checkHealthy() {
        if (failure != null) {
            throw new IllegalStateException("the journal writer failed: " + failure.getMessage(), failure);
        }
    }

    private void writeLoop() {
        List<Object> items = new ArrayList<>(QUEUE_CHUNKS);
        boolean running = true;
        while (running) {
            items.clear();
            try {
                items.add(queue.take());
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(items, BATCH_EVENTS / CHUNK);
            List<Barrier> barriers = new ArrayList<>(1);
            try {
                write(items, barriers);
            } catch (RuntimeException | SQLException | Error e) {
                if (failure == null) {
                    failure = e;
                    LOG.error("journal writer failed", e);
                }
            }
            for (Barrier b : barriers) {
                running &= !b.last;
                b.latch.countDown();
            }
        }
    }

    private void write(List<Object> items, List<Barrier> barriers) throws SQLException {
        int rows = 0;
        boolean last = false;
        for (Object item : items) {
            if (item instanceof Barrier b) {
                barriers.add(b);
                last |= b.last;
                continue;
            }
            if (failure != null) {
                continue;
            }
            for (Event event : (Event[]) item) {
                if (event instanceof MarketEvent market) {
                    marketData.add(market);
                    written++;
                    continue;
                }
                if (event instanceof PortfolioValued mark) {
                    if (marks.add(mark, digest)) {
                        addMarkBlock();
                    }
                    written++;
                    continue;
                }
                String type = EventJson.type(event);
                String payload = EventJson.write(event);
                digest.update(type.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) '\t');
                digest.update(payload.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) '\n');
                insert.setString(1, runId);
                insert.setLong(2, event.sequence());
                insert.setString(3, event.time().toString());
                insert.setString(4, type);
                insert.setString(5, payload);
                insert.addBatch();
                rows++;
            }
        }
        if (failure != null) {
            return;
        }
        if (rows > 0) {
            insert.executeBatch();
        }
        if (!barriers.isEmpty() && !marks.isEmpty()) {
            addMarkBlock(); // a flush makes every mark so far durable, even a partial block
        }
        if (pendingMarkBlocks > 0) {
            insertMarks.executeBatch();
            pendingMarkBlocks = 0;
        }
        if (last && marketData.events() > 0) {
            String hex = marketData.hex();
            digest.update(("MarketData\t" + marketData.events() + " " + hex + "\n").getBytes(StandardCharsets.UTF_8));
            try (PreparedStatement md = connection.prepareStatement(dialect.insertMarketData)) {
                md.setString(1, runId);
                md.setLong(2, marketData.events());
                md.setString(3, text(marketData.first()));
                md.setString(4, text(marketData.last()));
                md.setString(5, hex);
                md.executeUpdate();
            }
        }
        connection.commit();
        written += rows;
    }

    private int pendingMarkBlocks;

    private void addMarkBlock() throws SQLException {
        insertMarks.setString(1, runId);
        insertMarks.setLong(2, marks.firstSequence());
        insertMarks.setInt(3, marks.marks());
        insertMarks.setString(4, marks.currency());
        insertMarks.setBytes(5, marks.drain());
        insertMarks.addBatch();
        pendingMarkBlocks++;
    }

    private static String text(Instant t) {
        return t == null ? null : t.toString();
    }

    private static final class Barrier {
        final boolean last;
        final CountDownLatch latch = new CountDownLatch(1);

        Barrier(boolean last) {
            this.last = last;
        }

        void await() {
            try {
                latch.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the journal", e);
            }
        }
    }
}
