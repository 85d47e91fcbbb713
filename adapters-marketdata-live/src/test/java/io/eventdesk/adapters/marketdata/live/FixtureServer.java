package io.eventdesk.adapters.marketdata.live;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.java_websocket.WebSocket;
import org.java_websocket.framing.Framedata;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * A local exchange on ephemeral loopback ports: a WebSocket server that plays one fixture script per connection (the
 * last one again for any further connection), and a REST server that answers depth snapshots from a queue. A script
 * is a file of lines: a message to send, or a directive — {@code # sleep MS}, {@code # close}, {@code # ping},
 * {@code # expect TEXT} (wait for a client message containing it), {@code # hold} (keep the connection open, silent).
 */
public final class FixtureServer implements AutoCloseable {
    private final List<List<String>> scripts = new ArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    final ConcurrentLinkedQueue<String> received = new ConcurrentLinkedQueue<>();
    final AtomicInteger pongs = new AtomicInteger();
    private final ConcurrentLinkedQueue<String> snapshots = new ConcurrentLinkedQueue<>();
    final AtomicInteger snapshotRequests = new AtomicInteger();
    private final WebSocketServer ws;
    private final HttpServer rest;
    private volatile String lastSnapshot;
    private final CountDownLatch started = new CountDownLatch(1);

    public FixtureServer(List<String> scriptFiles, List<String> snapshotFiles) {
        this(scriptFiles.stream().map(FixtureServer::lines).toList(), snapshotFiles, true);
    }

    /** A server playing {@code scripts} given line by line (messages made by a test: times of now, say). */
    public static FixtureServer playing(List<List<String>> scripts) {
        return new FixtureServer(scripts, List.of(), true);
    }

    private FixtureServer(List<List<String>> scriptLines, List<String> snapshotFiles, boolean given) {
        scripts.addAll(scriptLines);
        for (String f : snapshotFiles) {
            snapshots.add(String.join("\n", lines(f)));
        }
        ws = new WebSocketServer(new InetSocketAddress("127.0.0.1", 0)) {
            @Override
            public void onOpen(WebSocket conn, ClientHandshake handshake) {
                int n = connections.getAndIncrement();
                List<String> script = scripts.get(Math.min(n, scripts.size() - 1));
                Thread t = new Thread(() -> play(conn, script), "fixture-connection-" + n);
                t.setDaemon(true);
                t.start();
            }

            @Override
            public void onClose(WebSocket conn, int code, String reason, boolean remote) {}

            @Override
            public void onMessage(WebSocket conn, String message) {
                received.add(message);
            }

            @Override
            public void onWebsocketPong(WebSocket conn, Framedata f) {
                pongs.incrementAndGet();
            }

            @Override
            public void onError(WebSocket conn, Exception ex) {}

            @Override
            public void onStart() {
                started.countDown(); // accepting connections now
            }
        };
        ws.setReuseAddr(true);
        ws.start();
        try {
            rest = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        rest.createContext("/api/v3/depth", ex -> {
            snapshotRequests.incrementAndGet();
            String next = snapshots.poll();
            String body = next != null ? next : lastSnapshot;
            lastSnapshot = body;
            byte[] b = (body == null ? "{}" : body).getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(body == null ? 503 : 200, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        rest.start();
        waitForPort();
    }

    private void waitForPort() {
        try {
            if (!started.await(10, TimeUnit.SECONDS) || ws.getPort() == 0) {
                throw new IllegalStateException("the fixture WebSocket server did not start");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<String> lines(String resource) {
        try (var in = FixtureServer.class.getResourceAsStream("/fixtures/" + resource)) {
            if (in == null) {
                throw new IOException("not on the class path");
            }
            List<String> out = new ArrayList<>();
            for (String l : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!l.isBlank() && !l.startsWith("## ")) {
                    out.add(l);
                }
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("no fixture " + resource, e);
        }
    }

    private void play(WebSocket conn, List<String> script) {
        try {
            for (String line : script) {
                if (!conn.isOpen()) {
                    return;
                }
                if (line.startsWith("# sleep ")) {
                    Thread.sleep(Long.parseLong(line.substring(8).trim()));
                } else if (line.equals("# close")) {
                    conn.close();
                    return;
                } else if (line.equals("# ping")) {
                    conn.sendPing();
                } else if (line.equals("# hold")) {
                    Thread.sleep(60_000);
                } else if (line.startsWith("# expect ")) {
                    String text = line.substring(9).trim();
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                    while (received.stream().noneMatch(m -> m.contains(text)) && System.nanoTime() < deadline) {
                        Thread.sleep(10);
                    }
                } else {
                    conn.send(line);
                }
            }
        } catch (InterruptedException | org.java_websocket.exceptions.WebsocketNotConnectedException e) {
            // the test is over, or the client went away
        }
    }

    public URI webSocket() {
        return URI.create("ws://127.0.0.1:" + ws.getPort());
    }

    public URI rest() {
        return URI.create("http://127.0.0.1:" + rest.getAddress().getPort());
    }

    public int connections() {
        return connections.get();
    }

    @Override
    public void close() throws InterruptedException {
        ws.stop(1000);
        rest.stop(0);
    }

    /** Waits for {@code latch}, bounded. */
    static boolean await(CountDownLatch latch) throws InterruptedException {
        return latch.await(10, TimeUnit.SECONDS);
    }
}
