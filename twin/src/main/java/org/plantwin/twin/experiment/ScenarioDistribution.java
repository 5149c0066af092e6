package org.plantwin.twin.experiment;

import java.util.Arrays;
import java.util.List;

/**
 * The distribution of each KPI across the scenarios of one group (generated or parametric): each scenario counts
 * once, with the mean of its replications. {@code mean} is the mean over the scenarios with its Student-t interval;
 * quantiles interpolate linearly between order statistics (R's type 7). {@code worstCase5} is the 5 % tail on the
 * bad side: the 5th percentile of a higher-is-better KPI, the 95th of a lower-is-better one (the 5th for a
 * neutral one).
 */
public record ScenarioDistribution(String group, int scenarios, List<KpiDistribution> kpis) {

    public ScenarioDistribution {
        kpis = List.copyOf(kpis);
    }

    /** One KPI across the group's scenarios; {@code values}: each scenario's mean, in variant order. */
    public record KpiDistribution(String kpi, Direction direction, Summary mean, double median, double worstCase5,
                                  double p5, double p95, double min, double max, List<Double> values) {
        public KpiDistribution {
            values = List.copyOf(values);
        }

        /** Summarises scenario means {@code values} (in variant order) of {@code kpi}. */
        public static KpiDistribution of(String kpi, Direction direction, double[] values, double confidence) {
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            double p5 = quantile(sorted, 0.05);
            double p95 = quantile(sorted, 0.95);
            return new KpiDistribution(kpi, direction, Summary.of(values, confidence), quantile(sorted, 0.5),
                    direction == Direction.LOWER_IS_BETTER ? p95 : p5, p5, p95, sorted[0], sorted[sorted.length - 1],
                    Arrays.stream(values).boxed().toList());
        }
    }

    public KpiDistribution kpi(String name) {
        String k = Kpis.normalise(name);
        return kpis.stream().filter(d -> d.kpi().equals(k)).findFirst().orElseThrow(
                () -> new IllegalArgumentException("The KPI (" + name + ") was not measured; measured: "
                        + kpis.stream().map(KpiDistribution::kpi).toList()));
    }

    /** The {@code p}-quantile of sorted values, linear between order statistics (R's type 7). */
    static double quantile(double[] sorted, double p) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("A quantile needs at least one value.");
        }
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
