package org.plantwin.learning.generate;

/**
 * Per-feature min-max scaling to [0, 1] (TimeGAN's {@code MinMaxScaler}, with its 1e-7 guard against constant
 * columns).
 *
 * @param min the minimum of each feature
 * @param max the maximum of each feature
 */
public record MinMaxScaling(double[] min, double[] max) {

    private static final double EPS = 1e-7;

    /** Fits on rows {@code [t][f]}. */
    public static MinMaxScaling fit(double[][] rows) {
        int f = rows[0].length;
        double[] lo = new double[f];
        double[] hi = new double[f];
        java.util.Arrays.fill(lo, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(hi, Double.NEGATIVE_INFINITY);
        for (double[] r : rows) {
            for (int j = 0; j < f; j++) {
                lo[j] = Math.min(lo[j], r[j]);
                hi[j] = Math.max(hi[j], r[j]);
            }
        }
        return new MinMaxScaling(lo, hi);
    }

    /** Scaled copies of {@code rows}. */
    public double[][] scale(double[][] rows) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = new double[rows[i].length];
            for (int j = 0; j < rows[i].length; j++) {
                out[i][j] = (rows[i][j] - min[j]) / (max[j] - min[j] + EPS);
            }
        }
        return out;
    }

    /** Scaled copy of windows given in original units. */
    public Windows scale(Windows w) {
        float[] v = w.values().clone();
        for (int k = 0; k < v.length; k++) {
            int j = k % w.features();
            v[k] = (float) ((v[k] - min[j]) / (max[j] - min[j] + EPS));
        }
        return new Windows(v, w.count(), w.length(), w.features());
    }

    /** Windows in original units from scaled ones. */
    public Windows unscale(Windows w) {
        float[] v = w.values().clone();
        for (int k = 0; k < v.length; k++) {
            int j = k % w.features();
            v[k] = (float) (v[k] * (max[j] - min[j] + EPS) + min[j]);
        }
        return new Windows(v, w.count(), w.length(), w.features());
    }
}
