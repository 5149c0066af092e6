package org.plantwin.twin.experiment;

import java.util.Objects;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Mean, standard deviation and Student-t confidence interval of {@code n} independent observations.
 * With fewer than two observations the standard deviation and half-width are NaN.
 */
public record Summary(int n, double mean, double sd, double confidence, double halfWidth) {

    /** Summarises {@code values} (in the given order, so that the sums are reproducible) at {@code confidence}. */
    public static Summary of(double[] values, double confidence) {
        Objects.requireNonNull(values, "values");
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("The confidence (" + confidence + ") must be in (0, 1).");
        }
        int n = values.length;
        if (n == 0) {
            return new Summary(0, Double.NaN, Double.NaN, confidence, Double.NaN);
        }
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        double mean = sum / n;
        if (n == 1) {
            return new Summary(1, mean, Double.NaN, confidence, Double.NaN);
        }
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(ss / (n - 1));
        return new Summary(n, mean, sd, confidence, tQuantile(n - 1, confidence) * sd / Math.sqrt(n));
    }

    /** The two-sided Student-t critical value: P(|T| <= t) = confidence with {@code df} degrees of freedom. */
    public static double tQuantile(int df, double confidence) {
        return TDistribution.of(df).inverseCumulativeProbability(1 - (1 - confidence) / 2);
    }

    @com.fasterxml.jackson.annotation.JsonProperty("lower")
    public double lower() {
        return mean - halfWidth;
    }

    @com.fasterxml.jackson.annotation.JsonProperty("upper")
    public double upper() {
        return mean + halfWidth;
    }

    /** Whether {@code value} lies in the closed confidence interval. */
    public boolean contains(double value) {
        return value >= lower() && value <= upper();
    }

    /** Half-width relative to |mean| (infinite where the mean is 0). */
    public double relativeHalfWidth() {
        return halfWidth / Math.abs(mean);
    }
}
