package io.eventdesk.adapters.persistence;

import io.eventdesk.domain.event.Event;
import io.eventdesk.domain.port.EventJournalPort;
import io.eventdesk.domain.port.JournalReceipt;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event journal over JDBC (SQLite or PostgreSQL). {@link #append} only enqueues, into a bounded queue (it
 * blocks when the writer is far behind, never drops); one writer thread serializes the events, extends the
 * digest and inserts them in batches, one transaction per batch. {@link #flush}, {@link #finish} and
 * {@link #close} wait for the writer.
 */
final class JdbcEventJournal implements EventJournalPort {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcEventJournal.class);
    private static final int QUEUE_CAPACITY = 1 << 16;
    private static final int BATCH = 4096;

    private final String runId;
    private final JournalDialect dialect;
    private final Handle handle;
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final Thread writer;
    private final MessageDigest digest;
    private volatile Throwable failure;
    private long written;
    private JournalReceipt receipt;
    private boolean closed;

    JdbcEventJournal(String jdbcUrl, String runId) {
        this.runId = runId;
        this.dialect = JournalDialect.of(jdbcUrl);
        Flyway.configure()
                .dataSource(jdbcUrl, null, null)
                .locations(dialect.migrations)
                .loggers("slf4j")
                .load()
                .migrate();
        this.handle = Jdbi.create(jdbcUrl).open();
        if (dialect == JournalDialect.SQLITE) {
            handle.execute("PRAGMA journal_mode=WAL");
            handle.execute("PRAGMA synchronous=NORMAL");
        }
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
        this.writer = new Thread(this::writeLoop, "eventdesk-journal-writer");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    @Override
    public void append(Event event) {
        checkHealthy();
        if (closed) {
            throw new IllegalStateException("the journal is closed");
        }
        put(event);
    }

    @Override
    public void flush() {
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
        List<Object> batch = new ArrayList<>(BATCH);
        boolean running = true;
        while (running) {
            batch.clear();
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(batch, BATCH - 1);
            List<Barrier> barriers = new ArrayList<>(1);
            try {
                writeBatch(batch, barriers);
            } catch (RuntimeException | Error e) {
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

    private void writeBatch(List<Object> batch, List<Barrier> barriers) {
        PreparedBatch insert = null;
        int rows = 0;
        for (Object item : batch) {
            if (item instanceof Barrier b) {
                barriers.add(b);
                continue;
            }
            if (failure != null) {
                continue;
            }
            Event event = (Event) item;
            String type = EventJson.type(event);
            String payload = EventJson.write(event);
            digest.update(type.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) '\t');
            digest.update(payload.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) '\n');
            if (insert == null) {
                insert = handle.prepareBatch(dialect.insert);
            }
            insert.bind(0, runId)
                    .bind(1, event.sequence())
                    .bind(2, event.time().toString())
                    .bind(3, type)
                    .bind(4, payload)
                    .add();
            rows++;
        }
        if (insert != null && failure == null) {
            PreparedBatch toRun = insert;
            handle.useTransaction(h -> toRun.execute());
            written += rows;
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
