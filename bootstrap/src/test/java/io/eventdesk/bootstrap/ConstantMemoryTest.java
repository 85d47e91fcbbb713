package io.eventdesk.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The replay streams: millions of bars go through the whole desk in a JVM whose heap is far smaller than the data
 * (5 million bars would take over 500 MB held in memory). The probe runs in its own JVM so that {@code -Xmx} is
 * real.
 */
class ConstantMemoryTest {
    private static final long BARS = 5_000_000;
    private static final String HEAP = "-Xmx40m";

    @Test
    void shouldReplayMillionsOfBarsInASmallHeap_whenTheFeedStreams() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(List.of(
                        java.toString(),
                        HEAP,
                        "-XX:+UseSerialGC",
                        "-cp",
                        System.getProperty("java.class.path"),
                        ConstantMemoryProbe.class.getName(),
                        Long.toString(BARS)))
                .redirectErrorStream(true)
                .start();
        boolean done = p.waitFor(5, TimeUnit.MINUTES);
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!done) {
            p.destroyForcibly();
        }
        assertThat(done).as("the probe finished").isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output).contains("events=" + BARS).containsPattern("fills=[1-9]");
        assertThat(output).containsPattern("maxHeapMB=([1-3][0-9]|40)\\b");
    }
}
