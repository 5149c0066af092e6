package org.plantwin.scenarios.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** A place on the map (plant, warehouse, customer, supplier), with coordinates in kilometres. */
public record Site(
        @JsonProperty(required = true) String id,
        @JsonProperty(required = true) @JsonPropertyDescription("East coordinate, km.") Double x,
        @JsonProperty(required = true) @JsonPropertyDescription("North coordinate, km.") Double y) {
}
