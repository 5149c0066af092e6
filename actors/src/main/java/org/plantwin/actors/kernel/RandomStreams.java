package org.plantwin.actors.kernel;

import java.nio.charset.StandardCharsets;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Splits one root seed into named, independent random streams ({@code "M3/process"}, {@code "M3/failure/0"}).
 *
 * <p>A stream's seed depends only on the root seed and its name, never on creation order, so adding an entity
 * leaves every other entity's numbers unchanged, and two scenarios compared with the same seed share their common
 * random numbers.
 */
public final class RandomStreams {

    private long root;
    /** Streams handed out by a forkable instance, by name, so that {@link #reseed} can redirect them. */
    private final java.util.List<Switchable> issued;

    public RandomStreams(long rootSeed) {
        this(rootSeed, false);
    }

    /**
     * @param forkable when true, every stream handed out can later be {@link #reseed reseeded} (a live twin's fork
     *                 does this to give its replications their own futures); costs one indirection per number
     */
    public RandomStreams(long rootSeed, boolean forkable) {
        this.root = rootSeed;
        this.issued = forkable ? new java.util.ArrayList<>() : null;
    }

    /**
     * Points every stream handed out so far (and every later one) at a new root seed: from now on stream
     * {@code name} draws what a fresh {@code RandomStreams(newRoot).stream(name)} would. Only for forkable
     * instances.
     */
    public void reseed(long newRoot) {
        if (issued == null) {
            throw new IllegalStateException("These random streams were not made forkable; reseed(" + newRoot
                    + ") needs new RandomStreams(seed, true).");
        }
        root = newRoot;
        for (Switchable s : issued) {
            s.target = create(s.name);
        }
    }

    /** The root seed of replication {@code k} of a run seeded with {@code seed}. */
    public static long replicationSeed(long seed, int k) {
        return k == 0 ? seed : mix(seed ^ mix(0x5DEECE66DL + k));
    }

    /** A new generator for the stream {@code name}. */
    public UniformRandomProvider stream(String name) {
        if (issued == null) {
            return create(name);
        }
        Switchable s = new Switchable(name, create(name));
        issued.add(s);
        return s;
    }

    private UniformRandomProvider create(String name) {
        long h = fnv1a64(name);
        long s0 = mix(root ^ h);
        long s1 = mix(s0 + 0x9E3779B97F4A7C15L);
        return RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {s0, s1});
    }

    static long fnv1a64(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= (b & 0xff);
            h *= 0x100000001b3L;
        }
        return h;
    }

    /** SplitMix64 finaliser. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /**
     * A stream whose generator can be swapped. Every method is forwarded (not left to the interface's defaults),
     * so that a forkable stream draws exactly the numbers of a plain one until it is reseeded.
     */
    private static final class Switchable implements UniformRandomProvider {
        final String name;
        UniformRandomProvider target;

        Switchable(String name, UniformRandomProvider target) {
            this.name = name;
            this.target = target;
        }

        @Override
        public void nextBytes(byte[] bytes) {
            target.nextBytes(bytes);
        }

        @Override
        public void nextBytes(byte[] bytes, int start, int len) {
            target.nextBytes(bytes, start, len);
        }

        @Override
        public int nextInt() {
            return target.nextInt();
        }

        @Override
        public int nextInt(int n) {
            return target.nextInt(n);
        }

        @Override
        public int nextInt(int origin, int bound) {
            return target.nextInt(origin, bound);
        }

        @Override
        public long nextLong() {
            return target.nextLong();
        }

        @Override
        public long nextLong(long n) {
            return target.nextLong(n);
        }

        @Override
        public long nextLong(long origin, long bound) {
            return target.nextLong(origin, bound);
        }

        @Override
        public boolean nextBoolean() {
            return target.nextBoolean();
        }

        @Override
        public float nextFloat() {
            return target.nextFloat();
        }

        @Override
        public float nextFloat(float bound) {
            return target.nextFloat(bound);
        }

        @Override
        public float nextFloat(float origin, float bound) {
            return target.nextFloat(origin, bound);
        }

        @Override
        public double nextDouble() {
            return target.nextDouble();
        }

        @Override
        public double nextDouble(double bound) {
            return target.nextDouble(bound);
        }

        @Override
        public double nextDouble(double origin, double bound) {
            return target.nextDouble(origin, bound);
        }
    }
}
