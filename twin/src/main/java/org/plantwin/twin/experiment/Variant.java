package org.plantwin.twin.experiment;

import java.util.List;
import java.util.Objects;
import org.plantwin.scenarios.model.Scenario;

/**
 * One alternative in an experiment: a scenario ({@code null}: the experiment's base) with overrides applied on top.
 * {@code group} (null for ordinary variants) names the scenario set a variant belongs to, such as
 * {@code "generated"} or {@code "parametric"}: the experiment then also reports each KPI's distribution across the
 * variants of each group ({@link ScenarioDistribution}).
 */
public record Variant(String name, Scenario scenario, List<PathOverride> overrides, String group) {

    public Variant {
        Objects.requireNonNull(name, "name");
        overrides = List.copyOf(overrides);
    }

    /** A variant outside any group. */
    public Variant(String name, Scenario scenario, List<PathOverride> overrides) {
        this(name, scenario, overrides, null);
    }

    /** The base scenario with {@code overrides}. */
    public static Variant of(String name, PathOverride... overrides) {
        return new Variant(name, null, List.of(overrides));
    }

    /** The base scenario with {@code overrides}. */
    public static Variant of(String name, List<PathOverride> overrides) {
        return new Variant(name, null, overrides);
    }

    /** A scenario of its own (for comparing two scenario files). */
    public static Variant ofScenario(String name, Scenario scenario) {
        return new Variant(name, Objects.requireNonNull(scenario, "scenario"), List.of());
    }
}
