package org.plantwin.learning.eval;

import org.apache.commons.statistics.distribution.TDistribution;

/** The mean of a sample and the half-width of its 95 % Student-t confidence interval. */
public record TInterval(double mean, double halfWidth) {

    /** The 95 % t interval of {@code x} (at least two values). */
    public static TInterval of(double[] x) {
        int n = x.length;
        if (n < 2) {
            throw new IllegalArgumentException("A t interval needs at least 2 values, not " + n + ".");
        }
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= n;
        double ss = 0;
        for (double v : x) {
            ss += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(ss / (n - 1));
        double t = TDistribution.of(n - 1).inverseCumulativeProbability(0.975);
        return new TInterval(mean, t * sd / Math.sqrt(n));
    }

    /** "better", "worse" or "no difference" for a difference, where {@code higherIsBetter} says which way is good. */
    public String verdict(boolean higherIsBetter) {
        if (Math.abs(mean) <= halfWidth) {
            return "no difference";
        }
        return (mean > 0) == higherIsBetter ? "better" : "worse";
    }
}
