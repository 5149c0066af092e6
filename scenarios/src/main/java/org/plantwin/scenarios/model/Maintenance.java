package org.plantwin.scenarios.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * How a machine is maintained. Preventive maintenance is taken when the machine has finished a part and before it
 * starts the next, so it fits into the production plan at the next gap; it restores health to 1. Corrective
 * repairs (after a wear failure) cost {@code repairCost}.
 */
public record Maintenance(
        @JsonProperty(required = true) @JsonPropertyDescription("runToFailure, fixedInterval or predictive.") MaintenancePolicyKind policy,
        @JsonPropertyDescription("fixedInterval: operating time between preventive maintenances.") TimeSpan interval,
        @JsonPropertyDescription("predictive: maintain when the predicted remaining operating life is below this.") TimeSpan threshold,
        @JsonPropertyDescription("Duration of a preventive maintenance (required unless runToFailure).") Distribution duration,
        @JsonPropertyDescription("Cost of a preventive maintenance; default 0.") Double cost,
        @JsonPropertyDescription("Cost of a corrective repair after a wear failure; default 0.") Double repairCost) {

    public Maintenance {
        cost = cost == null ? 0.0 : cost;
        repairCost = repairCost == null ? 0.0 : repairCost;
    }
}
