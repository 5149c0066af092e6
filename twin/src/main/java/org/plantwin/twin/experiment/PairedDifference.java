package org.plantwin.twin.experiment;

import java.util.Objects;

/**
 * The paired difference {@code variant - baseline} of one KPI over replications with common random numbers
 * (replication k of both used the same streams), its confidence interval and the verdict.
 */
public record PairedDifference(String kpi, Direction direction, Summary difference, double baselineMean,
                               double variantMean, Verdict verdict) {

    /** Pairs {@code baseline[k]} with {@code variant[k]}; both arrays are in replication order. */
    public static PairedDifference of(String kpi, Direction direction, double[] baseline, double[] variant,
                                      double confidence) {
        Objects.requireNonNull(kpi, "kpi");
        int n = Math.min(baseline.length, variant.length);
        double[] d = new double[n];
        double[] b = new double[n];
        double[] v = new double[n];
        for (int k = 0; k < n; k++) {
            d[k] = variant[k] - baseline[k];
            b[k] = baseline[k];
            v[k] = variant[k];
        }
        Summary s = Summary.of(d, confidence);
        return new PairedDifference(kpi, direction, s, Summary.of(b, confidence).mean(),
                Summary.of(v, confidence).mean(), verdict(s, direction));
    }

    static Verdict verdict(Summary s, Direction direction) {
        if (s.n() < 2 || Double.isNaN(s.halfWidth())) {
            return Verdict.NO_SIGNIFICANT_DIFFERENCE;
        }
        boolean higher = s.lower() > 0;
        boolean lower = s.upper() < 0;
        if (!higher && !lower) {
            return Verdict.NO_SIGNIFICANT_DIFFERENCE;
        }
        return switch (direction) {
            case HIGHER_IS_BETTER -> higher ? Verdict.BETTER : Verdict.WORSE;
            case LOWER_IS_BETTER -> lower ? Verdict.BETTER : Verdict.WORSE;
            case NEUTRAL -> higher ? Verdict.HIGHER : Verdict.LOWER;
        };
    }
}
