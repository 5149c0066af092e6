package org.plantwin.actors.stats;

import java.util.Arrays;

/**
 * Per-batch sums of a quantity over fixed batches of simulated time {@code [k b, (k+1) b)} from time 0 (warm-up
 * included: the series is what a warm-up detector such as MSER-5 looks at). Keeps, per batch, a count and a sum of
 * observations, and a time integral of a level.
 */
public final class BatchSeries {

    private final long batchMillis;
    private double[] count = new double[16];
    private double[] sum = new double[16];
    private double[] integral = new double[16];
    private int batches;

    public BatchSeries(long batchMillis) {
        if (batchMillis <= 0) {
            throw new IllegalArgumentException("The batch length (" + batchMillis + " ms) must be > 0.");
        }
        this.batchMillis = batchMillis;
    }

    private void ensure(int k) {
        if (k >= count.length) {
            int n = Math.max(k + 1, count.length * 2);
            count = Arrays.copyOf(count, n);
            sum = Arrays.copyOf(sum, n);
            integral = Arrays.copyOf(integral, n);
        }
        batches = Math.max(batches, k + 1);
    }

    /** An observation {@code value} at time {@code t}. */
    public void observe(long t, double value) {
        int k = (int) (t / batchMillis);
        ensure(k);
        count[k]++;
        sum[k] += value;
    }

    /** A level held over [from, to), split over the batches it spans. */
    public void hold(long from, long to, double level) {
        if (to <= from || level == 0) {
            return;
        }
        long t = from;
        while (t < to) {
            int k = (int) (t / batchMillis);
            long end = Math.min(to, (k + 1) * batchMillis);
            ensure(k);
            integral[k] += level * (end - t);
            t = end;
        }
    }

    public long batchMillis() {
        return batchMillis;
    }

    /** The number of batches in [0, end). */
    public static int batchesUntil(long end, long batchMillis) {
        return (int) ((end + batchMillis - 1) / batchMillis);
    }

    public double count(int k) {
        return k < batches ? count[k] : 0;
    }

    public double sum(int k) {
        return k < batches ? sum[k] : 0;
    }

    public double integral(int k) {
        return k < batches ? integral[k] : 0;
    }
}
