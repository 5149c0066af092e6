package org.plantwin.actors.api;

/**
 * How to run a scenario: seed and horizon overrides, replication index (its streams derive from seed and index),
 * and the largest number of events a logical process handles per window (bounds message sizes; results do not
 * depend on it).
 */
public record RunOptions(Long seedOverride, Long horizonMillisOverride, int replication, int maxEventsPerWindow) {

    public static final int DEFAULT_MAX_EVENTS = 65_536;

    public RunOptions {
        if (replication < 0) {
            throw new IllegalArgumentException("The replication (" + replication + ") must be >= 0.");
        }
        if (maxEventsPerWindow < 1) {
            throw new IllegalArgumentException("The maxEventsPerWindow (" + maxEventsPerWindow + ") must be >= 1.");
        }
    }

    public static RunOptions defaults() {
        return new RunOptions(null, null, 0, DEFAULT_MAX_EVENTS);
    }

    public RunOptions withSeed(long seed) {
        return new RunOptions(seed, horizonMillisOverride, replication, maxEventsPerWindow);
    }

    public RunOptions withHorizonMillis(long horizonMillis) {
        return new RunOptions(seedOverride, horizonMillis, replication, maxEventsPerWindow);
    }

    public RunOptions withReplication(int k) {
        return new RunOptions(seedOverride, horizonMillisOverride, k, maxEventsPerWindow);
    }

    public RunOptions withMaxEventsPerWindow(int n) {
        return new RunOptions(seedOverride, horizonMillisOverride, replication, n);
    }
}
