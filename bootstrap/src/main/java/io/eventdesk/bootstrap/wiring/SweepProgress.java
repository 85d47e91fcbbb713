package io.eventdesk.bootstrap.wiring;

import java.io.PrintStream;

/** The sweep's progress on the terminal: combinations done, their rate and the time left, about once a second. */
public final class SweepProgress {
    private final PrintStream out;
    private final long started = System.nanoTime();
    private long shown;
    private boolean drawn;

    private SweepProgress(PrintStream out) {
        this.out = out;
    }

    /** On stderr when it is a terminal (or {@code force}); else silent. */
    public static SweepProgress onTerminal(boolean quiet) {
        return new SweepProgress(!quiet && System.console() != null ? System.err : null);
    }

    public static SweepProgress silent() {
        return new SweepProgress(null);
    }

    synchronized void done(long done, long total) {
        if (out == null) {
            return;
        }
        long now = System.nanoTime();
        if (done < total && now - shown < 1_000_000_000L) {
            return;
        }
        shown = now;
        double seconds = (now - started) / 1e9;
        double rate = done / Math.max(seconds, 1e-9);
        long eta = rate > 0 ? Math.round((total - done) / rate) : 0;
        int width = 30;
        int filled = (int) (width * done / Math.max(1, total));
        out.printf(
                "\rsweep [%s%s] %d/%d combinations, %.1f/s, ETA %d s   ",
                "#".repeat(filled), " ".repeat(width - filled), done, total, rate, eta);
        out.flush();
        drawn = true;
    }

    synchronized void finished() {
        if (out != null && drawn) {
            out.println();
        }
    }
}
