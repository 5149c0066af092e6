package org.plantwin.actors.stats;

import java.util.Arrays;
import org.apache.commons.statistics.descriptive.Quantile;

/**
 * Observations of a quantity (cycle time, waiting time) with mean, standard deviation and exact quantiles.
 * Values are kept (8 bytes each) so that quantiles are exact and pooling several tallies is possible.
 */
public final class Tally {

    private double[] values = new double[256];
    private int count;
    private double sum;
    private double sumSq;
    private double max = Double.NaN;
    /** Nearest-rank quantiles (Hyndman-Fan type 1) by selection, not sorting: O(n) per quantile. */
    private static final Quantile NEAREST_RANK = Quantile.withDefaults()
            .with(Quantile.EstimationMethod.HF1).withCopy(true);

    public void add(double x) {
        if (count == values.length) {
            values = Arrays.copyOf(values, count * 2);
        }
        values[count++] = x;
        sum += x;
        sumSq += x * x;
        if (!(x <= max)) {
            max = x;
        }
    }

    public void addAll(Tally other) {
        for (int i = 0; i < other.count; i++) {
            add(other.values[i]);
        }
    }

    public int count() {
        return count;
    }

    public double mean() {
        return count == 0 ? 0 : sum / count;
    }

    public double max() {
        return count == 0 ? 0 : max;
    }

    public double standardDeviation() {
        if (count < 2) {
            return 0;
        }
        double m = mean();
        return Math.sqrt(Math.max(0, (sumSq - count * m * m) / (count - 1)));
    }

    /** The {@code q}-quantile (0..1) by the nearest-rank method: the smallest value with at least q n values <= it. */
    public double quantile(double q) {
        if (count == 0) {
            return 0;
        }
        return NEAREST_RANK.evaluateRange(values, 0, count, q);
    }

    /** A copy of the observations, in the order they were added. */
    public double[] values() {
        return Arrays.copyOf(values, count);
    }
}
