package io.eventdesk.application.research;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;

/**
 * The combinations a sweep runs, made one at a time (memory does not grow with their number): a grid's Cartesian
 * product in order (the last parameter turning fastest), or a random search's {@code samples} draws, the i-th drawn
 * from a generator seeded by the sweep's seed and i.
 */
public final class ParameterSpace implements Iterable<Combination> {
    private final List<SweepParameter> parameters;
    private final boolean random;
    private final long samples;
    private final long seed;
    private final List<List<Object>> values;

    private ParameterSpace(List<SweepParameter> parameters, boolean random, long samples, long seed) {
        if (parameters.isEmpty()) {
            throw new IllegalArgumentException("no parameters to sweep");
        }
        this.parameters = List.copyOf(parameters);
        this.random = random;
        this.samples = samples;
        this.seed = seed;
        this.values = parameters.stream().map(SweepParameter::values).toList();
    }

    /** Every combination of the parameters' values. */
    public static ParameterSpace grid(List<SweepParameter> parameters, long seed) {
        for (SweepParameter p : parameters) {
            if (p instanceof SweepParameter.Distribution d) {
                throw new IllegalArgumentException(p.path() + ": a grid takes lists and ranges; " + d.kind().configName
                        + " is for method: random");
            }
        }
        return new ParameterSpace(parameters, false, -1, seed);
    }

    /** {@code samples} combinations drawn from the parameters with a generator seeded {@code seed}. */
    public static ParameterSpace random(List<SweepParameter> parameters, long samples, long seed) {
        if (samples <= 0) {
            throw new IllegalArgumentException("a random search needs a positive number of samples, got " + samples);
        }
        return new ParameterSpace(parameters, true, samples, seed);
    }

    public List<SweepParameter> parameters() {
        return parameters;
    }

    /** Whether the combinations are drawn (a random search), not a grid. */
    public boolean random() {
        return random;
    }

    /** How many combinations there are. */
    public long size() {
        if (random) {
            return samples;
        }
        long n = 1;
        for (List<Object> v : values) {
            n = Math.multiplyExact(n, v.size());
        }
        return n;
    }

    /** The sweep's seed, from which every combination's seed derives. */
    public long seed() {
        return seed;
    }

    @Override
    public Iterator<Combination> iterator() {
        long size = size();
        if (size > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(size + " combinations: more than a sweep runs");
        }
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < size;
            }

            @Override
            public Combination next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return at(next++);
            }
        };
    }

    /** The combination at {@code index} (what the iterator gives there): a worker anywhere can make it alone. */
    public Combination at(int index) {
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException("combination " + index + " of " + size());
        }
        Map<String, Object> v = random ? drawn(index) : gridPoint(index);
        return new Combination(index, v, Combination.seedOf(seed, v));
    }

    private Map<String, Object> gridPoint(long index) {
        Object[] at = new Object[parameters.size()];
        long rest = index;
        for (int p = parameters.size() - 1; p >= 0; p--) {
            List<Object> v = values.get(p);
            at[p] = v.get((int) (rest % v.size()));
            rest /= v.size();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (int p = 0; p < at.length; p++) {
            out.put(parameters.get(p).path(), at[p]);
        }
        return out;
    }

    private Map<String, Object> drawn(long index) {
        SplittableRandom r = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (index + 1)));
        Map<String, Object> out = new LinkedHashMap<>();
        for (SweepParameter p : parameters) {
            out.put(p.path(), p.draw(r));
        }
        return out;
    }
}
