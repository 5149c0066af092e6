package org.plantwin.twin.experiment;

import java.util.List;

/**
 * What an experiment found. {@code replications} per variant; {@code precisionReached} is null for a fixed number
 * of replications. Nothing here depends on the number of lanes or on timing.
 */
public record ExperimentResult(String name, String scenario, long seed, double confidence, List<String> kpis,
                               int replications, Boolean precisionReached, List<VariantResult> variants,
                               List<Comparison> comparisons) {

    public VariantResult variant(String variantName) {
        return variants.stream().filter(v -> v.name().equals(variantName)).findFirst().orElseThrow(
                () -> new IllegalArgumentException("There is no variant (" + variantName + ")."));
    }

    public Comparison comparison(String variantName) {
        return comparisons.stream().filter(c -> c.variant().equals(variantName)).findFirst().orElseThrow(
                () -> new IllegalArgumentException("There is no comparison for (" + variantName + ")."));
    }
}
