package org.plantwin.actors.stats;

/**
 * Time-weighted statistic of a piecewise-constant level (WIP, buffer occupancy, inventory), with warm-up deletion:
 * only time at or after {@code warmupMillis} counts.
 */
public final class TimeWeighted {

    private final long warmupMillis;
    private double level;
    private long lastChange;
    private double integral;
    private double max;
    private double min = Double.POSITIVE_INFINITY;

    /** Also splits the level's integral over fixed batches from time 0, when set. */
    private BatchSeries batches;

    public TimeWeighted(long warmupMillis) {
        this.warmupMillis = warmupMillis;
    }

    /** Records the integral per batch as well (warm-up included), into {@code series}. */
    public TimeWeighted withBatches(BatchSeries series) {
        this.batches = series;
        return this;
    }

    /** Sets the level at time {@code now} (non-decreasing). */
    public void set(long now, double newLevel) {
        accumulate(now);
        level = newLevel;
        if (now >= warmupMillis) {
            if (newLevel > max) {
                max = newLevel;
            }
            if (newLevel < min) {
                min = newLevel;
            }
        }
    }

    public void add(long now, double delta) {
        set(now, level + delta);
    }

    private void accumulate(long now) {
        if (batches != null && now > lastChange) {
            batches.hold(lastChange, now, level);
        }
        long from = Math.max(lastChange, warmupMillis);
        if (now > from) {
            integral += level * (now - from);
        }
        if (lastChange < warmupMillis && now >= warmupMillis) {
            // The level held when the warm-up ended is the first one observed.
            max = Math.max(max, level);
            min = Math.min(min, level);
        }
        if (now > lastChange) {
            lastChange = now;
        }
    }

    public double level() {
        return level;
    }

    /** The integral of the level over [warm-up, now], in level x milliseconds. */
    public double integral(long now) {
        accumulate(now);
        if (now >= warmupMillis) {
            max = Math.max(max, level);
            min = Math.min(min, level);
        }
        return integral;
    }

    /** The time average over [warm-up, end]. */
    public double mean(long end) {
        double span = end - warmupMillis;
        return span <= 0 ? 0 : integral(end) / span;
    }

    public double max() {
        return max;
    }

    /** The smallest level seen after warm-up (the current level if it never changed). */
    public double min() {
        return min == Double.POSITIVE_INFINITY ? level : min;
    }
}
