package org.plantwin.planners.twin;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Paired comparison of two policies run on the same replications (common random numbers): per KPI, the means and
 * the mean difference a − b with its 95 % Student-t interval. Shared by the planners' comparisons in the twin.
 */
public final class PairedKpis {

    private PairedKpis() {
    }

    /** One KPI: mean under a, mean under b, mean of the paired differences a − b and the half-width of its CI. */
    public record Paired(String kpi, double meanA, double meanB, double meanDiff, double halfWidth) {
        public double low() {
            return meanDiff - halfWidth;
        }

        public double high() {
            return meanDiff + halfWidth;
        }
    }

    /**
     * @param a    a[k][j] = KPI j of replication k under policy a
     * @param b    the same replications under policy b
     * @param kpis the KPI names, in column order
     */
    public static List<Paired> of(double[][] a, double[][] b, List<String> kpis) {
        int n = a.length;
        if (b.length != n) {
            throw new IllegalArgumentException("The replications of a (" + n + ") and b (" + b.length
                    + ") must pair up.");
        }
        double t = n > 1 ? TDistribution.of(n - 1).inverseCumulativeProbability(0.975) : Double.NaN;
        List<Paired> out = new ArrayList<>();
        for (int j = 0; j < kpis.size(); j++) {
            double sa = 0;
            double sb = 0;
            double sd = 0;
            for (int k = 0; k < n; k++) {
                sa += a[k][j];
                sb += b[k][j];
                sd += a[k][j] - b[k][j];
            }
            double mean = sd / n;
            double ss = 0;
            for (int k = 0; k < n; k++) {
                double d = a[k][j] - b[k][j] - mean;
                ss += d * d;
            }
            double half = n > 1 ? t * Math.sqrt(ss / (n - 1) / n) : Double.NaN;
            out.add(new Paired(kpis.get(j), sa / n, sb / n, mean, half));
        }
        return out;
    }
}
