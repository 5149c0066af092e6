package org.plantwin.twin.experiment;

import java.util.List;

/** A variant against the baseline (the experiment's first variant): one paired difference per KPI. */
public record Comparison(String variant, String baseline, List<PairedDifference> differences) {

    public PairedDifference difference(String kpi) {
        String k = Kpis.normalise(kpi);
        return differences.stream().filter(d -> d.kpi().equals(k)).findFirst().orElseThrow(
                () -> new IllegalArgumentException("The KPI (" + kpi + ") was not compared."));
    }
}
