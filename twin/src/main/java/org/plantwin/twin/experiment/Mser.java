package org.plantwin.twin.experiment;

import java.util.Objects;

/**
 * The MSER truncation rule (White 1997; Franklin and White 2008): drop the first {@code d} observations of a
 * series where {@code d} minimises the marginal standard error
 * {@code MSER(d) = sum_{i >= d} (x_i - mean_d)^2 / (n - d)^2}, the squared standard error of the mean of what is
 * left, up to a constant. {@code d} is searched over the first half of the series: a minimum past it means the run is
 * too short to say. MSER-5 applies the rule to batch means of 5 observations ({@link #batchMeans}); an experiment
 * applies it to the per-batch plant series of its pilot runs, which are batch means already.
 */
public final class Mser {

    private Mser() {
    }

    /**
     * {@code MSER(d)} of {@code series}: the sum of squared deviations from the mean of {@code series[d..n)}, divided
     * by {@code (n - d)^2}.
     */
    public static double statistic(double[] series, int d) {
        Objects.requireNonNull(series, "series");
        int n = series.length;
        if (d < 0 || d >= n) {
            throw new IllegalArgumentException("The truncation (" + d + ") must be in [0, " + n + ").");
        }
        double sum = 0;
        for (int i = d; i < n; i++) {
            sum += series[i];
        }
        double mean = sum / (n - d);
        double ss = 0;
        for (int i = d; i < n; i++) {
            ss += (series[i] - mean) * (series[i] - mean);
        }
        return ss / ((double) (n - d) * (n - d));
    }

    /** {@code MSER(d)} for every {@code d} in {@code [0, n/2]}, computed in one backward pass (Welford). */
    public static double[] statistics(double[] series) {
        Objects.requireNonNull(series, "series");
        int n = series.length;
        if (n < 2) {
            throw new IllegalArgumentException("The series length (" + n + ") must be >= 2 for MSER.");
        }
        int last = n / 2;
        double[] out = new double[last + 1];
        double mean = 0;
        double m2 = 0;
        for (int i = n - 1, count = 1; i >= 0; i--, count++) {
            double delta = series[i] - mean;
            mean += delta / count;
            m2 += delta * (series[i] - mean);
            if (i <= last) {
                out[i] = Math.max(0, m2) / ((double) count * count);
            }
        }
        return out;
    }

    /** The truncation point: the {@code d} in {@code [0, n/2]} with the smallest {@code MSER(d)}, the first on ties. */
    public static int truncation(double[] series) {
        double[] s = statistics(series);
        int best = 0;
        for (int d = 1; d < s.length; d++) {
            if (s[d] < s[best]) {
                best = d;
            }
        }
        return best;
    }

    /**
     * MSER-5 on raw observations: the truncation in observations (a multiple of 5) found on the means of
     * consecutive batches of 5 (a trailing incomplete batch is left out).
     */
    public static int truncationMser5(double[] observations) {
        return 5 * truncation(batchMeans(observations, 5));
    }

    /** Means of consecutive batches of {@code size} observations; a trailing incomplete batch is left out. */
    public static double[] batchMeans(double[] observations, int size) {
        Objects.requireNonNull(observations, "observations");
        if (size < 1) {
            throw new IllegalArgumentException("The batch size (" + size + ") must be >= 1.");
        }
        double[] out = new double[observations.length / size];
        for (int b = 0; b < out.length; b++) {
            double sum = 0;
            for (int i = b * size; i < (b + 1) * size; i++) {
                sum += observations[i];
            }
            out[b] = sum / size;
        }
        return out;
    }
}
