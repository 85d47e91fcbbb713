package io.eventdesk.adapters.persistence;

import io.eventdesk.domain.error.RunStopped;
import io.eventdesk.domain.event.Event;
import io.eventdesk.domain.event.MarketEvent;
import io.eventdesk.domain.event.PortfolioValued;
import io.eventdesk.domain.event.RunFailed;
import io.eventdesk.domain.event.RunFinished;
import io.eventdesk.domain.port.EventJournalPort;
import io.eventdesk.domain.port.JournalReceipt;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event journal over JDBC (SQLite or PostgreSQL), written in blocks.
 *
 * <p>The engine thread only collects events into chunks of {@value #CHUNK} and hands full chunks to a bounded
 * queue of {@value #QUEUE_CHUNKS} (it blocks when the writer is far behind, never drops). One writer thread renders
 * each stored event to canonical JSON, extends the digest, and fills an {@link EventBlock}: consecutive sequence
 * numbers with their events, their marks and a count of their market events. A block is inserted and committed
 * whole, with the run's registry row brought up to date in the same transaction, when it holds
 * {@code blockRecords} stored records, and at every {@link #flush}, {@link #finish} and {@link #close}: after a
 * crash the store holds a contiguous prefix of the run, and at most the queue and one block are lost.
 *
 * <p>Market data is referenced by digest, not copied: market events are folded into a SHA-256 over their values
 * ({@link MarketDataDigest}), recorded in the registry when the run ends. The journal digest is SHA-256 over, in
 * sequence order, {@code type TAB payload LF} of every stored event and the 84 bytes of every mark, then
 * {@code MarketData TAB count SPACE digest LF}: independent of where blocks are cut.
 */
final class JdbcEventJournal implements EventJournalPort {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcEventJournal.class);
    private static final int CHUNK = 256;
    private static final int QUEUE_CHUNKS = 64;
    /** The default of stored records (events and marks) per block: one commit each. */
    static final int BLOCK_RECORDS = 8192;

    private static final int MAX_BLOCK_TEXT = 4 << 20;

    private final String runId;
    private final int blockRecords;
    private final JournalDialect dialect;
    private final RunRegistry registry;
    private final Connection connection;
    private final PreparedStatement insertBlock;
    private final PreparedStatement updateRun;
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUE_CHUNKS);
    private final Thread writer;
    private final MessageDigest digest;
    private final MarketDataDigest marketData = new MarketDataDigest();
    private final EventBlock block = new EventBlock();
    private final FastEventJson fastJson = new FastEventJson();
    private volatile Throwable failure;
    private volatile long durable;
    private Event[] chunk = new Event[CHUNK];
    private int chunkSize;
    // writer thread only
    private long written;
    private long storedEvents;
    private long marks;
    private Event lastEvent;
    private JournalReceipt receipt;
    private boolean closed;

    JdbcEventJournal(String jdbcUrl, RunRegistration run, int blockRecords, JournalDurability durability) {
        this.runId = run.runId();
        this.blockRecords = blockRecords;
        this.dialect = JournalDialect.of(jdbcUrl);
        this.registry = new RunRegistry(dialect);
        Connection c = null;
        try {
            c = dialect.connect(jdbcUrl);
            if (dialect == JournalDialect.SQLITE) {
                try (Statement s = c.createStatement()) {
                    s.execute("PRAGMA page_size=65536"); // a new file only: blocks are large values
                    s.execute("PRAGMA journal_mode=WAL");
                    s.execute("PRAGMA wal_autocheckpoint=1024"); // pages: a checkpoint every 64 MB
                    s.execute("PRAGMA synchronous=" + (durability == JournalDurability.MACHINE ? "NORMAL" : "OFF"));
                    s.execute("PRAGMA busy_timeout=10000");
                }
            } else if (durability == JournalDurability.PROCESS) {
                try (Statement s = c.createStatement()) {
                    s.execute("SET synchronous_commit = off"); // this session's commits only
                }
            }
            JournalSchema.ensure(c, dialect);
            c.setAutoCommit(false);
            if (registry.exists(c, runId)) {
                throw new IllegalStateException("the store already holds a run '" + runId
                        + "': every run needs an id of its own (a new run folder, or a new run name)");
            }
            registry.register(c, run);
            registry.hold(c, runId);
            c.commit();
            this.connection = c;
            this.insertBlock = c.prepareStatement("INSERT INTO journal_block (run_id, first_sequence, last_sequence,"
                    + " stored_events, marks, market_events, mark_currency, events, mark_data)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
            this.updateRun = registry.committedStatement(c);
            this.digest = JournalReader.sha256();
        } catch (SQLException | RuntimeException e) {
            closeQuietly(c);
            throw new IllegalStateException(e.getMessage(), e);
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

    @Override
    public long durableThrough() {
        return durable;
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
        closeQuietly(connection);
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
            queue.drainTo(items);
            for (Object item : items) {
                if (item instanceof Barrier b) {
                    try {
                        if (failure == null) {
                            commitBlock();
                            if (b.last) {
                                end();
                            }
                        }
                    } catch (RuntimeException | SQLException | Error e) {
                        fail(e);
                    }
                    running &= !b.last;
                    b.latch.countDown();
                } else if (failure == null) {
                    try {
                        for (Event event : (Event[]) item) {
                            add(event);
                        }
                    } catch (RuntimeException | SQLException | Error e) {
                        fail(e);
                    }
                }
            }
        }
    }

    private void fail(Throwable e) {
        if (failure == null) {
            failure = e;
            LOG.error("journal writer failed", e);
        }
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the connection is gone; what was committed stays
        }
    }

    private void add(Event event) throws SQLException {
        written++;
        lastEvent = event;
        if (event instanceof MarketEvent market) {
            marketData.add(market);
            block.addMarket(event.sequence());
            return;
        }
        if (event instanceof PortfolioValued mark) {
            block.addMark(mark, digest);
            marks++;
        } else {
            block.addEvent(event, EventJson.type(event), fastJson, digest);
            storedEvents++;
        }
        if (block.records() >= blockRecords || block.textLength() >= MAX_BLOCK_TEXT) {
            commitBlock();
        }
    }

    /** Inserts the block being filled and commits it with the registry's row; the block starts anew. */
    private void commitBlock() throws SQLException {
        if (block.isEmpty()) {
            return;
        }
        insertBlock.setString(1, runId);
        insertBlock.setLong(2, block.firstSequence());
        insertBlock.setLong(3, block.lastSequence());
        insertBlock.setInt(4, block.storedEvents());
        insertBlock.setInt(5, block.marks());
        insertBlock.setInt(6, block.marketEvents());
        insertBlock.setString(7, block.markCurrency());
        insertBlock.setString(8, block.eventsText());
        insertBlock.setBytes(9, block.markBytes());
        insertBlock.executeUpdate();
        RunRegistry.committed(updateRun, runId, block.lastSequence(), storedEvents, marks, marketData);
        connection.commit();
        durable = block.lastSequence();
        block.clear();
    }

    /** The run ends: its digest, and its registry row closed with the status its last event says. */
    private void end() throws SQLException {
        String market = null;
        if (marketData.events() > 0) {
            market = marketData.hex();
            digest.update(
                    ("MarketData\t" + marketData.events() + " " + market + "\n").getBytes(StandardCharsets.UTF_8));
        }
        String hex = HexFormat.of().formatHex(digest.digest());
        String status = RunRegistry.FAILED;
        String reason = "the journal was closed before the run ended";
        if (lastEvent instanceof RunFinished) {
            status = RunRegistry.FINISHED;
            reason = null;
        } else if (lastEvent instanceof RunFailed f) {
            reason = f.reason();
            status = reason != null && reason.startsWith(RunStopped.REASON_PREFIX)
                    ? RunRegistry.STOPPED
                    : RunRegistry.FAILED;
        }
        registry.ended(connection, runId, status, reason, hex, market);
        connection.commit();
        receipt = new JournalReceipt(written, hex);
    }

    private static void closeQuietly(Connection c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (SQLException e) {
            LOG.warn("could not close the journal's connection: {}", e.getMessage());
        }
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
