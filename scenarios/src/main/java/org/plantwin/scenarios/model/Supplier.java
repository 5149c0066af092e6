package org.plantwin.scenarios.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * A supplier: delivers purchase orders after a lead time; with probability {@code 1 - reliability} a delivery is
 * late by a further {@code lateBy}.
 */
public record Supplier(
        @JsonProperty(required = true) String id,
        @JsonProperty(required = true) String site,
        @JsonProperty(required = true) @JsonPropertyDescription("Order to delivery. A lower bound above 0 (e.g. uniform 2d..4d) lets the kernel run the warehouse ahead.") Distribution leadTime,
        @JsonPropertyDescription("Probability in (0, 1] that a delivery comes on time; default 1.") Double reliability,
        @JsonPropertyDescription("Extra delay of an unreliable delivery; required when reliability < 1.") Distribution lateBy) {

    public Supplier {
        reliability = reliability == null ? 1.0 : reliability;
    }
}
