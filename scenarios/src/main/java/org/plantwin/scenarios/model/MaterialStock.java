package org.plantwin.scenarios.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * A raw material held in a line-side store of a line or machine group, replenished from a supplier by an (s,Q)
 * rule: when on hand + on order falls to {@code reorderPoint} or below, order {@code orderQuantity}.
 * A part that finds too little waits (the resource is starved for material) until a delivery comes.
 */
public record MaterialStock(
        @JsonProperty(required = true) String material,
        @JsonPropertyDescription("Units at time 0; default 0.") Integer initial,
        @JsonProperty(required = true) Integer reorderPoint,
        @JsonProperty(required = true) Integer orderQuantity,
        @JsonProperty(required = true) @JsonPropertyDescription("Supplier id.") String supplier) {

    public MaterialStock {
        initial = initial == null ? 0 : initial;
    }
}
