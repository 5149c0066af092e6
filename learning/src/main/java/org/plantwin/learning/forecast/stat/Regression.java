package org.plantwin.learning.forecast.stat;

/** Least-squares line through {@code (t, y[t-1])}, {@code t = 1..n}: R's {@code lm(y ~ t)} / {@code lsfit}. */
final class Regression {

    private Regression() {
    }

    /** Intercept (value at t = 0) and slope of the OLS line through the first {@code n} points. */
    static double[] line(double[] y, int n) {
        double meanT = (n + 1) / 2.0;
        double meanY = 0;
        for (int i = 0; i < n; i++) {
            meanY += y[i];
        }
        meanY /= n;
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < n; i++) {
            double dt = (i + 1) - meanT;
            sxy += dt * (y[i] - meanY);
            sxx += dt * dt;
        }
        double slope = sxx == 0 ? 0 : sxy / sxx;
        return new double[] {meanY - slope * meanT, slope};
    }
}
