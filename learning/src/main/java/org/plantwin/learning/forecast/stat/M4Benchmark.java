package org.plantwin.learning.forecast.stat;

import java.util.Arrays;
import java.util.Locale;

/**
 * The eight statistical benchmarks of the M4 competition, as its organisers' {@code Benchmarks()} function
 * computes them (R, forecast 8.2). All but Naive and seasonal naive work on the seasonally adjusted series
 * when the seasonality test passes and re-seasonalise the forecast with the last cycle of seasonal indices.
 */
public enum M4Benchmark {
    /** Last value repeated. */
    NAIVE,
    /** Last seasonal cycle repeated. */
    SEASONAL_NAIVE,
    /** Naive on the seasonally adjusted series, re-seasonalised: the OWA reference. */
    NAIVE2,
    /** Simple exponential smoothing (ets ANN). */
    SES,
    /** Holt's linear trend (ets AAN). */
    HOLT,
    /** Damped trend (ets AAdN). */
    DAMPED,
    /** Classic Theta: SES on the theta=2 line averaged with the linear trend line; negatives set to 0. */
    THETA,
    /** Mean of SES, Holt and damped ("Comb S-H-D"). */
    COMB;

    /** The lower-case name used on the command line and in reports, e.g. {@code "naive2"}. */
    public String key() {
        return switch (this) {
            case SEASONAL_NAIVE -> "snaive";
            default -> name().toLowerCase(Locale.ROOT);
        };
    }

    /** Forecasts {@code h} steps after {@code x}, whose seasonal period is {@code m} (1 for none). */
    public double[] forecast(double[] x, int m, int h) {
        if (x.length == 0) {
            throw new IllegalArgumentException("The series to forecast must not be empty.");
        }
        switch (this) {
            case NAIVE:
                return repeatLast(x, 1, h);
            case SEASONAL_NAIVE:
                return m > 1 && x.length >= m ? repeatLast(x, m, h) : repeatLast(x, 1, h);
            default:
                break;
        }
        double[] adjusted = x;
        double[] seasonOut = new double[h];
        Arrays.fill(seasonOut, 1.0);
        if (m > 1 && SeasonalAdjustment.isSeasonal(x, m)) {
            double[] seasonal = SeasonalAdjustment.multiplicativeSeasonal(x, m);
            adjusted = new double[x.length];
            for (int t = 0; t < x.length; t++) {
                adjusted[t] = x[t] / seasonal[t];
            }
            for (int k = 0; k < h; k++) {
                seasonOut[k] = seasonal[x.length - m + (k % m)];
            }
        }
        double[] f = adjustedForecast(adjusted, h);
        for (int k = 0; k < h; k++) {
            f[k] *= seasonOut[k];
        }
        return f;
    }

    private double[] adjustedForecast(double[] y, int h) {
        return switch (this) {
            case NAIVE2 -> repeatLast(y, 1, h);
            case SES -> ExponentialSmoothing.fit(y, ExponentialSmoothing.Trend.NONE).forecast(h);
            case HOLT -> ExponentialSmoothing.fit(y, ExponentialSmoothing.Trend.LINEAR).forecast(h);
            case DAMPED -> ExponentialSmoothing.fit(y, ExponentialSmoothing.Trend.DAMPED).forecast(h);
            case THETA -> theta(y, h);
            case COMB -> {
                double[] a = SES.adjustedForecast(y, h);
                double[] b = HOLT.adjustedForecast(y, h);
                double[] c = DAMPED.adjustedForecast(y, h);
                double[] out = new double[h];
                for (int k = 0; k < h; k++) {
                    out[k] = (a[k] + b[k] + c[k]) / 3;
                }
                yield out;
            }
            default -> throw new IllegalStateException("No adjusted forecast for " + this);
        };
    }

    /** M4's {@code Theta.classic}: theta lines 0 (OLS trend) and 2, SES on line 2, equal weights. */
    static double[] theta(double[] y, int h) {
        int n = y.length;
        double[] line = Regression.line(y, n);
        double[] thetaLine = new double[n];
        for (int t = 0; t < n; t++) {
            double trend = line[0] + line[1] * (t + 1);
            thetaLine[t] = 2 * y[t] - trend;
        }
        double[] ses = ExponentialSmoothing.fit(thetaLine, ExponentialSmoothing.Trend.NONE).forecast(h);
        double[] out = new double[h];
        for (int k = 0; k < h; k++) {
            double trend = line[0] + line[1] * (n + k + 1);
            out[k] = Math.max(0, 0.5 * ses[k] + 0.5 * trend);
        }
        return out;
    }

    private static double[] repeatLast(double[] x, int cycle, int h) {
        double[] out = new double[h];
        for (int k = 0; k < h; k++) {
            out[k] = x[x.length - cycle + (k % cycle)];
        }
        return out;
    }
}
