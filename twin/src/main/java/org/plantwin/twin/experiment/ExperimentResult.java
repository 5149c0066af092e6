package org.plantwin.twin.experiment;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What an experiment found. {@code replications} per variant; {@code precisionReached} is null for a fixed number
 * of replications; {@code warmupDetection} is null unless the warm-up was detected ({@code warmup: auto}).
 * {@code details} (per variant: machine states, stock, the series of replication 0) feed the HTML report and are
 * left out of the JSON. With scenario groups (generated and parametric scenarios), {@code distributions} holds each
 * KPI's distribution across the scenarios of each group, and {@code groupComparisons} every group against the one
 * before it, paired scenario by scenario (scenario i of both groups shares its simulation seed); both are empty (and left
 * out of the JSON) otherwise. Nothing here depends on the number of lanes or on timing.
 */
public record ExperimentResult(String name, String scenario, long seed, double confidence, List<String> kpis,
                               int replications, Boolean precisionReached, List<VariantResult> variants,
                               List<Comparison> comparisons,
                               @JsonInclude(JsonInclude.Include.NON_NULL) WarmupDetection warmupDetection,
                               @JsonIgnore List<VariantDetail> details,
                               @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ScenarioDistribution> distributions,
                               @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Comparison> groupComparisons) {

    /** A result without scenario groups. */
    public ExperimentResult(String name, String scenario, long seed, double confidence, List<String> kpis,
                            int replications, Boolean precisionReached, List<VariantResult> variants,
                            List<Comparison> comparisons, WarmupDetection warmupDetection, List<VariantDetail> details) {
        this(name, scenario, seed, confidence, kpis, replications, precisionReached, variants, comparisons,
                warmupDetection, details, List.of(), List.of());
    }

    public ScenarioDistribution distribution(String group) {
        return distributions.stream().filter(d -> d.group().equals(group)).findFirst().orElseThrow(
                () -> new IllegalArgumentException("There is no scenario group (" + group + ")."));
    }

    public VariantResult variant(String variantName) {
        return variants.stream().filter(v -> v.name().equals(variantName)).findFirst().orElseThrow(
                () -> new IllegalArgumentException("There is no variant (" + variantName + ")."));
    }

    public Comparison comparison(String variantName) {
        return comparisons.stream().filter(c -> c.variant().equals(variantName)).findFirst().orElseThrow(
                () -> new IllegalArgumentException("There is no comparison for (" + variantName + ")."));
    }

    public VariantDetail detail(String variantName) {
        return details.stream().filter(d -> d.variant().equals(variantName)).findFirst().orElseThrow(
                () -> new IllegalArgumentException("There are no details for (" + variantName + ")."));
    }
}
