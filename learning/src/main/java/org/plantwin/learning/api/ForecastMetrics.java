package org.plantwin.learning.api;

import java.util.List;
import java.util.Objects;

/**
 * sMAPE, MASE and OWA as the M4 organisers compute them ({@code Benchmarks and Evaluation.R} in
 * {@code Mcompetitions/M4-methods}), with the Monash variant for intermittent data.
 *
 * <p>Per step: {@code sMAPE = 200·|y−ŷ| / (|y|+|ŷ|)} and {@code MASE = |y−ŷ| / s}, where {@code s} is the
 * in-sample mean absolute error of the seasonal naive forecast with lag {@code m}. Dataset figures are means
 * over all series and steps; OWA is {@code ½·(sMAPE/sMAPE_Naive2 + MASE/MASE_Naive2)} on those means.
 */
public final class ForecastMetrics {

    private ForecastMetrics() {
    }

    /** The sMAPE term of each step, in percent. */
    public static double[] smapeTerms(double[] actual, double[] forecast) {
        requireSameLength(actual, forecast);
        double[] out = new double[actual.length];
        for (int i = 0; i < actual.length; i++) {
            out[i] = Math.abs(actual[i] - forecast[i]) * 200.0 / (Math.abs(actual[i]) + Math.abs(forecast[i]));
        }
        return out;
    }

    /** Mean sMAPE of one series' forecast, in percent. */
    public static double smape(double[] actual, double[] forecast) {
        return mean(smapeTerms(actual, forecast));
    }

    /**
     * The MASE scale of an in-sample series as M4's {@code mase_cal}: the mean of {@code |y[t] − y[t−m]|} for
     * {@code t > m}, skipping missing ({@code NaN}) terms; {@code NaN} if there is no such term.
     */
    public static double maseScale(double[] insample, int seasonPeriod) {
        if (seasonPeriod < 1) {
            throw new IllegalArgumentException("The season period (" + seasonPeriod + ") must be >= 1.");
        }
        double sum = 0;
        int count = 0;
        for (int t = seasonPeriod; t < insample.length; t++) {
            double d = Math.abs(insample[t] - insample[t - seasonPeriod]);
            if (!Double.isNaN(d)) {
                sum += d;
                count++;
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }

    /** The MASE term of each step, scaled by {@link #maseScale}. */
    public static double[] maseTerms(double[] insample, double[] actual, double[] forecast, int seasonPeriod) {
        requireSameLength(actual, forecast);
        double scale = maseScale(insample, seasonPeriod);
        double[] out = new double[actual.length];
        for (int i = 0; i < actual.length; i++) {
            out[i] = Math.abs(actual[i] - forecast[i]) / scale;
        }
        return out;
    }

    /** Mean MASE of one series' forecast. */
    public static double mase(double[] insample, double[] actual, double[] forecast, int seasonPeriod) {
        return mean(maseTerms(insample, actual, forecast, seasonPeriod));
    }

    /** OWA from dataset means: {@code ½·(smape/smapeNaive2 + mase/maseNaive2)}. */
    public static double owa(double smape, double mase, double smapeNaive2, double maseNaive2) {
        return 0.5 * (smape / smapeNaive2 + mase / maseNaive2);
    }

    /**
     * Dataset accuracy of {@code forecasts}; OWA is {@code NaN} (use {@link Accuracy#relativeTo}).
     *
     * @param insamples the history each forecast was made from
     * @param actuals the true values of the forecast steps
     * @param forecasts the point forecasts, in the order of {@code insamples}
     */
    public static Accuracy evaluate(List<double[]> insamples, List<double[]> actuals, List<double[]> forecasts,
            int seasonPeriod, MaseConvention convention) {
        Objects.requireNonNull(convention, "convention");
        if (insamples.size() != actuals.size() || actuals.size() != forecasts.size()) {
            throw new IllegalArgumentException("The insamples (" + insamples.size() + "), actuals (" + actuals.size()
                    + ") and forecasts (" + forecasts.size() + ") must be as many.");
        }
        double smapeSum = 0;
        long smapeCount = 0;
        double maseSum = 0;
        long maseCount = 0;
        int seriesCounted = 0;
        for (int s = 0; s < actuals.size(); s++) {
            for (double term : smapeTerms(actuals.get(s), forecasts.get(s))) {
                if (convention == MaseConvention.MONASH && Double.isNaN(term)) {
                    continue;
                }
                smapeSum += term;
                smapeCount++;
            }
            double[] terms;
            if (convention == MaseConvention.MONASH) {
                // As error_calculator.R: MASE = MAE / scale; lag 1 when that MASE is NA (an undefined lag-m
                // scale, or 0/0: a perfect forecast of a series whose lag-m differences are all 0).
                double mae = mean(absErrors(actuals.get(s), forecasts.get(s)));
                int lag = Double.isNaN(mae / maseScale(insamples.get(s), seasonPeriod)) ? 1 : seasonPeriod;
                if (!Double.isFinite(mae / maseScale(insamples.get(s), lag))) {
                    continue;
                }
                terms = maseTerms(insamples.get(s), actuals.get(s), forecasts.get(s), lag);
            } else {
                terms = maseTerms(insamples.get(s), actuals.get(s), forecasts.get(s), seasonPeriod);
            }
            for (double term : terms) {
                maseSum += term;
                maseCount++;
            }
            seriesCounted++;
        }
        return new Accuracy(smapeSum / smapeCount, maseSum / maseCount, Double.NaN, seriesCounted);
    }

    /** A point forecast of counts as scored: each step clamped at 0 and rounded to the nearest integer. */
    public static double[] asCounts(double[] forecast) {
        double[] out = new double[forecast.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.max(0, Math.rint(forecast[i]));
        }
        return out;
    }

    private static double[] absErrors(double[] actual, double[] forecast) {
        requireSameLength(actual, forecast);
        double[] out = new double[actual.length];
        for (int i = 0; i < actual.length; i++) {
            out[i] = Math.abs(actual[i] - forecast[i]);
        }
        return out;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private static void requireSameLength(double[] actual, double[] forecast) {
        if (actual.length != forecast.length) {
            throw new IllegalArgumentException(
                    "The actual (" + actual.length + ") and forecast (" + forecast.length + ") lengths must match.");
        }
    }
}
