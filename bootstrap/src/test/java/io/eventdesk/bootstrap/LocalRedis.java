package io.eventdesk.bootstrap;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The Redis the tests use: the machine's ({@code EVENTDESK_REDIS_URL}, else 127.0.0.1:6379; mandatory under
 * {@code CI=true}, where {@code .ci/run} starts it), or a private {@code redis-server} on a port of the test's own.
 */
final class LocalRedis {
    static final URI URL = URI.create(System.getenv().getOrDefault("EVENTDESK_REDIS_URL", "redis://127.0.0.1:6379"));

    private LocalRedis() {}

    /** Skips the test when the machine's Redis does not answer (fails it under CI). */
    static void requireOrSkip(String test) {
        boolean answers;
        try (Socket s = new Socket(URL.getHost(), URL.getPort())) {
            answers = true;
        } catch (IOException e) {
            answers = false;
        }
        if (!answers && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("no Redis at " + URL + " (mandatory under CI=true: .ci/run starts it)");
        }
        Assumptions.assumeTrue(answers, test + " skipped: no Redis at " + URL);
    }

    /** A private redis-server on loopback {@code port}, keeping nothing on disk, once it answers. */
    static Process start(int port) throws Exception {
        Process p = new ProcessBuilder(
                        "redis-server",
                        "--port",
                        String.valueOf(port),
                        "--bind",
                        "127.0.0.1",
                        "--save",
                        "",
                        "--appendonly",
                        "no")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                return p;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        p.destroyForcibly();
        throw new AssertionError("redis-server did not start on port " + port);
    }
}
