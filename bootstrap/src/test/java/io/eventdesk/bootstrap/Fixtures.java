package io.eventdesk.bootstrap;

import java.time.Instant;

/** Data the CLI tests write: minute bars of a price that cycles between 100 and 108. */
final class Fixtures {
    private Fixtures() {}

    /** {@code count} one-minute bars from 2024-01-02T00:00Z, header included, each line ended by {@code newline}. */
    static String minuteBars(int count, String newline) {
        StringBuilder csv = new StringBuilder("time,open,high,low,close" + newline);
        for (int i = 0; i < count; i++) {
            int p = 100 + (i % 9);
            csv.append(Instant.parse("2024-01-02T00:00:00Z").plusSeconds(60L * i))
                    .append(',')
                    .append(p)
                    .append(',')
                    .append(p + 1)
                    .append(',')
                    .append(p - 1)
                    .append(',')
                    .append(p)
                    .append(newline);
        }
        return csv.toString();
    }
}
