package org.plantwin.twin.experiment;

import java.util.List;
import java.util.Map;

/**
 * A variant's outcome: its overrides (path to value, in order), every KPI's value per replication (in replication
 * order) and its summary. Maps iterate in KPI order.
 */
public record VariantResult(String name, Map<String, String> overrides, Map<String, List<Double>> values,
                            Map<String, Summary> summaries) {

    public double[] valuesOf(String kpi) {
        List<Double> v = values.get(Kpis.normalise(kpi));
        if (v == null) {
            throw new IllegalArgumentException("The KPI (" + kpi + ") was not measured; measured: " + values.keySet());
        }
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }

    public Summary summary(String kpi) {
        Summary s = summaries.get(Kpis.normalise(kpi));
        if (s == null) {
            throw new IllegalArgumentException("The KPI (" + kpi + ") was not measured; measured: " + summaries.keySet());
        }
        return s;
    }
}
