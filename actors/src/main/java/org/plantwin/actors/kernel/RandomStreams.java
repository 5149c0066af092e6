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

    private final long root;

    public RandomStreams(long rootSeed) {
        this.root = rootSeed;
    }

    /** The root seed of replication {@code k} of a run seeded with {@code seed}. */
    public static long replicationSeed(long seed, int k) {
        return k == 0 ? seed : mix(seed ^ mix(0x5DEECE66DL + k));
    }

    /** A new generator for the stream {@code name}. */
    public UniformRandomProvider stream(String name) {
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
}
