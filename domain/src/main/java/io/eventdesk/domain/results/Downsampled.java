package io.eventdesk.domain.results;

import java.util.Arrays;

/**
 * A time series kept within a fixed number of points for drawing: points are gathered in buckets of equal count,
 * and each full bucket keeps its first, lowest, highest and last points; when the buckets run out, neighbours are
 * merged (the bucket size doubles). A curve of any length is drawn with its extremes intact, in constant memory.
 */
public final class Downsampled {
    private final int maxBuckets;
    private long[] times;
    private double[] values;
    private int size;
    /** points per bucket now; every bucket holds up to 4 kept points */
    private long perBucket = 1;

    private long inBucket;
    private long bucketFirstTime;
    private double bucketFirst;
    private long minTime;
    private double min;
    private long maxTime;
    private double max;
    private long lastTime;
    private double last;

    public Downsampled(int maxBuckets) {
        this.maxBuckets = maxBuckets;
        this.times = new long[16];
        this.values = new double[16];
    }

    public void add(long epochMillis, double value) {
        if (inBucket == 0) {
            bucketFirstTime = epochMillis;
            bucketFirst = value;
            minTime = maxTime = epochMillis;
            min = max = value;
        } else {
            if (value < min) {
                min = value;
                minTime = epochMillis;
            }
            if (value > max) {
                max = value;
                maxTime = epochMillis;
            }
        }
        lastTime = epochMillis;
        last = value;
        if (++inBucket >= perBucket) {
            flush();
        }
    }

    private void flush() {
        if (inBucket == 0) {
            return;
        }
        keep(bucketFirstTime, bucketFirst);
        if (minTime <= maxTime) {
            keep(minTime, min);
            keep(maxTime, max);
        } else {
            keep(maxTime, max);
            keep(minTime, min);
        }
        keep(lastTime, last);
        inBucket = 0;
        if (size >= maxBuckets * 4L) {
            halve();
        }
    }

    private void keep(long t, double v) {
        if (size > 0 && times[size - 1] == t && values[size - 1] == v) {
            return;
        }
        if (size == times.length) {
            times = Arrays.copyOf(times, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        times[size] = t;
        values[size] = v;
        size++;
    }

    /** Merges the kept points two buckets into one: first, extremes and last of each pair survive. */
    private void halve() {
        int out = 0;
        int chunk = 8;
        for (int start = 0; start < size; start += chunk) {
            int end = Math.min(size, start + chunk);
            int lo = start;
            int hi = start;
            for (int i = start; i < end; i++) {
                if (values[i] < values[lo]) {
                    lo = i;
                }
                if (values[i] > values[hi]) {
                    hi = i;
                }
            }
            int[] keep = {start, Math.min(lo, hi), Math.max(lo, hi), end - 1};
            int prev = -1;
            for (int k : keep) {
                if (k != prev) {
                    times[out] = times[k];
                    values[out] = values[k];
                    out++;
                    prev = k;
                }
            }
        }
        size = out;
        perBucket *= 2;
    }

    /** The kept points, in time order: [times, values]. */
    public long[] times() {
        flush();
        return Arrays.copyOf(times, size);
    }

    public double[] values() {
        flush();
        return Arrays.copyOf(values, size);
    }
}
