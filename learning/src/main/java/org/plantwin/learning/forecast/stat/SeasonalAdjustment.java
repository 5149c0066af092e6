package org.plantwin.learning.forecast.stat;

/**
 * The M4 benchmarks' seasonal adjustment: the 90% autocorrelation seasonality test ({@code SeasonalityTest})
 * and R's {@code decompose(x, type = "multiplicative")}.
 */
final class SeasonalAdjustment {

    /** One-sided 95% normal quantile as the M4 code writes it ({@code tcrit <- 1.645}). */
    private static final double TCRIT = 1.645;

    private SeasonalAdjustment() {
    }

    /**
     * M4's {@code SeasonalityTest(input, ppy)}: false when the series is shorter than three cycles; otherwise
     * whether {@code |acf[m]|} exceeds {@code 1.645/sqrt(n) * sqrt(1 + 2 * sum_{k<m} acf[k]^2)}, with the
     * autocorrelations of R's {@code acf} (default {@code lag.max = floor(10 log10 n)}, so false when
     * {@code m} exceeds it).
     */
    static boolean isSeasonal(double[] x, int m) {
        int n = x.length;
        if (m <= 1 || n < 3 * m) {
            return false;
        }
        int lagMax = Math.min((int) Math.floor(10 * Math.log10(n)), n - 1);
        if (m > lagMax) {
            return false;
        }
        double[] acf = acf(x, m);
        double cum = 1;
        for (int k = 1; k < m; k++) {
            cum += 2 * acf[k] * acf[k];
        }
        double limit = TCRIT / Math.sqrt(n) * Math.sqrt(cum);
        return Math.abs(acf[m]) > limit; // NaN (constant series) compares false, as is.na() -> FALSE in R
    }

    /** Sample autocorrelations at lags 0..maxLag as R's {@code acf}: biased (divide by n), mean removed. */
    static double[] acf(double[] x, int maxLag) {
        int n = x.length;
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= n;
        double[] out = new double[maxLag + 1];
        double c0 = 0;
        for (double v : x) {
            c0 += (v - mean) * (v - mean);
        }
        for (int k = 0; k <= maxLag; k++) {
            double ck = 0;
            for (int t = 0; t + k < n; t++) {
                ck += (x[t] - mean) * (x[t + k] - mean);
            }
            out[k] = ck / c0;
        }
        return out;
    }

    /**
     * The seasonal component of R's {@code decompose(x, "multiplicative")} for a series starting at cycle
     * position 1: a centred moving average (weights 1/(2m) at both ends when m is even) as trend, the mean
     * ratio {@code x/trend} per cycle position, normalised to mean 1, repeated over the series.
     */
    static double[] multiplicativeSeasonal(double[] x, int m) {
        int n = x.length;
        if (m <= 1 || n < 2 * m) {
            throw new IllegalArgumentException(
                    "The series (length " + n + ") must have at least two periods of (" + m + ").");
        }
        double[] filter = new double[m % 2 == 0 ? m + 1 : m];
        java.util.Arrays.fill(filter, 1.0 / m);
        if (m % 2 == 0) {
            filter[0] = 0.5 / m;
            filter[m] = 0.5 / m;
        }
        int half = filter.length / 2;
        double[] figure = new double[m];
        int[] counts = new int[m];
        for (int t = half; t < n - half; t++) {
            double trend = 0;
            for (int j = 0; j < filter.length; j++) {
                trend += filter[j] * x[t - half + j];
            }
            double ratio = x[t] / trend;
            if (!Double.isNaN(ratio)) {
                figure[t % m] += ratio;
                counts[t % m]++;
            }
        }
        double mean = 0;
        for (int i = 0; i < m; i++) {
            figure[i] /= counts[i];
            mean += figure[i];
        }
        mean /= m;
        double[] seasonal = new double[n];
        for (int t = 0; t < n; t++) {
            seasonal[t] = figure[t % m] / mean;
        }
        return seasonal;
    }
}
